import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './lib/embedded-pg.mjs';

// `npm run dev` for real (scripts/lib/serve.mjs, which `npm start` shares): embedded PostgreSQL, demo
// data, `next dev` and the worker process. Ctrl-C in a terminal sends SIGINT to the whole foreground
// process group at once; a container or systemd sends SIGTERM to the first process only. Either way
// the web server, the job workers and PostgreSQL must stop in that order, one line each, exit 0, and
// nothing may log an error ("terminating connection due to administrator command" was pages of it).

const root = path.resolve(import.meta.dirname, '..');
// Not mkdtemp: its 0700 folder would shut out PostgreSQL, which runs as its own user under root.
const stateDir = path.join(os.tmpdir(), `kaiji-serve-test-${randomUUID().slice(0, 8)}`);
const distDir = `.next-serve-test-${randomUUID().slice(0, 8)}`;
const started: number[] = [];

const kill = (pid: number) => {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // already gone
  }
};

afterAll(() => {
  // After a failure: the command's process group, and the session it runs the app in (scripts/lib/serve.mjs).
  for (const pid of started) kill(pid);
  const session = path.join(stateDir, 'serve.pid');
  if (fs.existsSync(session)) kill(Number(fs.readFileSync(session, 'utf8')));
  fs.rmSync(stateDir, { recursive: true, force: true });
  fs.rmSync(path.join(root, distDir), { recursive: true, force: true });
});

async function startDev(port: number, via: 'npm' | 'node') {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), KAIJI_STATE_DIR: stateDir, KAIJI_DIST_DIR: distDir };
  for (const key of Object.keys(env)) if (key === 'DATABASE_URL' || key === 'NODE_ENV' || key.startsWith('VITEST')) delete env[key];
  // next.config.js gives a build folder other than .next a tsconfig of its own (git-ignored).
  const tsconfig = path.join(root, 'tsconfig.e2e.json');
  if (!fs.existsSync(tsconfig)) fs.writeFileSync(tsconfig, '{ "extends": "./tsconfig.json" }\n');
  const [cmd, args] = via === 'npm' ? ['npm', ['run', '--silent', 'dev']] : [process.execPath, [path.join(root, 'scripts/dev.mjs')]];
  // Its own process group, like a command in a terminal, so the test can signal the group as Ctrl-C does.
  const child = spawn(cmd, args, { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child.pid!);
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (const end = Date.now() + 300_000; !(output.includes('Kaiji is running') && output.includes('• Job workers running.')); ) {
    if (child.exitCode !== null || Date.now() > end) throw new Error(`npm run dev did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { child, exited, output: () => output };
}

function expectOrderlyStop(after: string) {
  expect(after.split('\n').filter((l) => l.startsWith('• '))).toEqual(['• Stopped the web server.', '• Stopped the job workers.', '• Stopped PostgreSQL.']);
  expect(after).not.toMatch(/terminating connection|error|\n\s+at /i);
}

describe('npm run dev', () => {
  it('serves on the embedded database, and Ctrl-C stops web server, workers and PostgreSQL in order', async () => {
    const port = await freePort();
    const dev = await startDev(port, 'npm');
    expect(dev.output()).toContain('• Loaded the demo data (first run).');
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ database: 'reachable', migrations: 'current' });

    const before = dev.output().length;
    process.kill(-dev.child.pid!, 'SIGINT'); // what the terminal does on Ctrl-C
    expect(await dev.exited).toBe(0);
    expectOrderlyStop(dev.output().slice(before));
    // PostgreSQL shut down cleanly (it removes its pid file), and nothing listens any more.
    expect(fs.existsSync(path.join(stateDir, 'pgdata/postmaster.pid'))).toBe(false);
    expect(fs.existsSync(path.join(stateDir, 'serve.pid'))).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  }, 420_000);

  it('stops in the same order on SIGTERM to its first process (containers, systemd), keeping the data', async () => {
    const port = await freePort();
    const dev = await startDev(port, 'node');
    expect(dev.output()).not.toContain('Loaded the demo data');

    // A second one on the same data folder is refused instead of fighting over PostgreSQL's data.
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(await freePort()), KAIJI_STATE_DIR: stateDir, KAIJI_DIST_DIR: distDir };
    delete env.DATABASE_URL;
    const second = spawnSync(process.execPath, [path.join(root, 'scripts/dev.mjs')], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`Kaiji is already running from ${stateDir}`);

    const before = dev.output().length;
    process.kill(dev.child.pid!, 'SIGTERM');
    expect(await dev.exited).toBe(0);
    expectOrderlyStop(dev.output().slice(before));
    expect(fs.existsSync(path.join(stateDir, 'pgdata/postmaster.pid'))).toBe(false);
  }, 420_000);
});
