// What `npm start` and `npm run dev` share: install what is missing, start an embedded PostgreSQL when
// DATABASE_URL is unset (data in .kaiji/), apply migrations, load the demo data on the first run only,
// then run the web server (`next start`, or `next dev` with hot reload) with the job workers in a
// process of their own (scripts/worker.ts). Ctrl-C or SIGTERM stops them in order — the web server, then
// the job workers, then PostgreSQL — with one line each, and exits 0.
//
// Ctrl-C sends SIGINT to every process of the terminal's foreground group at once: PostgreSQL would
// go down while the app still used it (pages of "terminating connection due to administrator command").
// So the processes run in a session of their own (a re-run of this script, detached), and the
// terminal's signal reaches only the first process, which asks the session to stop in order.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuilt, ensureInstalled, root, tsxArgs, tsxEnv } from './install.mjs';

const IN_SESSION = 'KAIJI_OWN_SESSION';

/** Runs this script again in a new session and forwards SIGINT/SIGTERM to it as SIGTERM. */
function runInOwnSession() {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [IN_SESSION]: '1' },
  });
  const forward = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

/** @param {{ dev: boolean }} options */
export async function serve({ dev }) {
  try {
    await ensureInstalled();
    // Built before the session starts, so that Ctrl-C during a long build simply stops it.
    if (!dev && process.env[IN_SESSION] !== '1') await ensureBuilt();
  } catch (err) {
    console.error(`✗ ${err.message}`);
    process.exit(1);
  }
  if (process.env[IN_SESSION] !== '1' && process.platform !== 'win32') {
    runInOwnSession();
    return;
  }
  await runSession({ dev });
}

async function runSession({ dev }) {
  const { ensureDatabase, leaveSignalsToCaller, startEmbeddedPostgres } = await import('./embedded-pg.mjs');
  leaveSignalsToCaller();
  const stateDir = path.resolve(root, process.env.KAIJI_STATE_DIR || '.kaiji');
  fs.mkdirSync(stateDir, { recursive: true });
  const port = Number(process.env.PORT ?? 3000);
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  delete env[IN_SESSION];

  // One session per data folder: a second one would find PostgreSQL's data in use.
  const pidFile = path.join(stateDir, 'serve.pid');
  const other = Number(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8') : 0);
  if (other > 0 && other !== process.pid && alive(other)) {
    console.error(`✗ Kaiji is already running from ${stateDir} (process ${other}): stop it first.`);
    process.exit(1);
  }
  fs.writeFileSync(pidFile, String(process.pid));

  let pg;
  /** The embedded PostgreSQL while it starts: a stop asked for then waits for it, to stop it too. */
  let pgStarting;
  let web;
  let worker;
  /** A preparation step (migrations, demo data) still running when asked to stop. */
  let step;
  let stopping = false;

  const exited = (child) => (child && child.exitCode === null && child.signalCode === null ? new Promise((r) => child.once('exit', r)) : Promise.resolve());

  async function shutdown(code = 0) {
    if (stopping) return;
    stopping = true;
    if (step) {
      step.kill('SIGTERM');
      await exited(step);
    }
    if (web) {
      web.kill('SIGTERM');
      await exited(web);
      console.log('• Stopped the web server.');
    }
    if (worker) {
      worker.kill('SIGTERM');
      await exited(worker);
      console.log('• Stopped the job workers.');
    }
    if (pgStarting) pg = await pgStarting.catch(() => undefined);
    if (pg) {
      await pg.stop();
      console.log('• Stopped PostgreSQL.');
    }
    fs.rmSync(pidFile, { force: true });
    process.exit(code);
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));
  // The first process died without asking (killed): stop in order rather than linger.
  process.on('disconnect', () => void shutdown(0));

  const embedded = !process.env.DATABASE_URL;
  if (embedded) {
    const dataDir = path.join(stateDir, 'pgdata');
    const shown = dataDir.startsWith(root + path.sep) ? path.relative(root, dataDir) : dataDir;
    console.log(`• Starting the embedded PostgreSQL (data in ${shown})…`);
    pgStarting = startEmbeddedPostgres({ dir: dataDir, port: 54329 });
    pg = await pgStarting;
    pgStarting = undefined;
    if (stopping) return;
    const admin = pg.client('postgres');
    await admin.connect();
    await ensureDatabase(admin, 'kaiji');
    await admin.end();
    env.DATABASE_URL = pg.url('kaiji');
  } else {
    console.log('• Using the PostgreSQL server at DATABASE_URL');
  }
  if (stopping) return;

  // A local secret for signing sessions, kept with the local data. Deployments set AUTH_SECRET themselves.
  if (!env.AUTH_SECRET) {
    const file = path.join(stateDir, 'auth-secret');
    if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
    env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
  }
  env.APP_URL ??= `http://localhost:${port}`;
  env.NEXTAUTH_URL ??= env.APP_URL;

  console.log('• Applying migrations…');
  step = spawn(process.execPath, tsxArgs('scripts/db-prepare.ts', ...(embedded ? ['--demo'] : [])), {
    cwd: root,
    env: tsxEnv(env),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let prepOut = '';
  step.stdout.on('data', (c) => (prepOut += c.toString()));
  const prepCode = await new Promise((r) => step.once('exit', (code) => r(code)));
  step = undefined;
  if (stopping) return;
  if (prepCode !== 0) {
    console.error('✗ Could not prepare the database.');
    return shutdown(1);
  }
  const status = JSON.parse(prepOut.trim().split('\n').pop() ?? '{}');
  if (status.seeded) console.log('• Loaded the demo data (first run).');
  if (status.demo) env.KAIJI_DEMO = '1';

  // The web server does not run jobs; the worker process does (so each can be stopped in its turn).
  worker = spawn(process.execPath, tsxArgs('scripts/worker.ts'), {
    cwd: root,
    env: tsxEnv({ ...env, ...(dev ? {} : { NODE_ENV: 'production' }) }),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  worker.on('message', (m) => {
    if (m === 'ready') console.log('• Job workers running.');
  });
  worker.on('exit', (code) => {
    if (!stopping) {
      console.error(`✗ The job workers stopped unexpectedly (exit ${code}).`);
      void shutdown(code || 1);
    }
  });

  const next = path.join(root, 'node_modules/next/dist/bin/next');
  web = spawn(process.execPath, [next, dev ? 'dev' : 'start', '-p', String(port)], {
    cwd: root,
    env: { ...env, KAIJI_WORKERS: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  web.stdout.on('data', (chunk) => {
    const text = chunk.toString();
    process.stdout.write(text);
    if (/Ready in|ready started server|✓ Ready/.test(text)) banner(port, status.demo, dev);
  });
  web.on('exit', (code) => {
    if (!stopping) void shutdown(code ?? 1);
  });
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function banner(port, demo, dev) {
  const lines = [
    '',
    `  Kaiji is running at http://localhost:${port}${dev ? ' (development: hot reload)' : ''}`,
    `  Health: http://localhost:${port}/api/health`,
  ];
  if (demo) {
    lines.push('', '  Demo sign-ins (password kaiji-demo-2026):');
    for (const [email, role] of [
      ['researcher@kaiji.test', 'researcher, Kaiji Demo University'],
      ['researcher2@kaiji.test', 'researcher, Second Demo Institute of Technology'],
      ['officer@kaiji.test', 'compliance officer, Kaiji Demo University'],
      ['officer2@kaiji.test', 'compliance officer, Second Demo Institute of Technology'],
      ['auditor@kaiji.test', 'ministry auditor, all institutions'],
      ['admin@kaiji.test', 'administrator'],
    ])
      lines.push(`    ${email.padEnd(24)} ${role}`);
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  console.log(lines.join('\n'));
}
