#!/usr/bin/env node
// `npm start`: everything a newcomer needs, in one command. Installs what is missing, starts an
// embedded PostgreSQL when DATABASE_URL is unset (data kept in .kaiji/), applies migrations, loads the
// demo data on the first run only, builds when the sources changed, and serves the app.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuilt, ensureInstalled, root, tsxArgs, tsxEnv } from './lib/install.mjs';

try {
  await ensureInstalled();
} catch (err) {
  console.error(`✗ ${err.message}`);
  process.exit(1);
}
const { ensureDatabase, startEmbeddedPostgres } = await import('./lib/embedded-pg.mjs');

const stateDir = path.join(root, '.kaiji');
fs.mkdirSync(stateDir, { recursive: true });
const port = Number(process.env.PORT ?? 3000);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

let pg;
let server;
let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  if (pg) {
    console.log('• Stopping the embedded PostgreSQL…');
    await pg.stop();
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

const embedded = !process.env.DATABASE_URL;
if (embedded) {
  console.log('• Starting the embedded PostgreSQL (data in .kaiji/pgdata)…');
  pg = await startEmbeddedPostgres({ dir: path.join(stateDir, 'pgdata'), port: 54329 });
  const admin = pg.client('postgres');
  await admin.connect();
  await ensureDatabase(admin, 'kaiji');
  await admin.end();
  env.DATABASE_URL = pg.url('kaiji');
} else {
  console.log('• Using the PostgreSQL server at DATABASE_URL');
}

// A local secret for signing sessions, kept with the local data. Deployments set AUTH_SECRET themselves.
if (!env.AUTH_SECRET) {
  const file = path.join(stateDir, 'auth-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  env.AUTH_SECRET = fs.readFileSync(file, 'utf8').trim();
}
env.APP_URL ??= `http://localhost:${port}`;
env.NEXTAUTH_URL ??= env.APP_URL;

console.log('• Applying migrations…');
const prep = spawnSync(process.execPath, tsxArgs('scripts/db-prepare.ts', ...(embedded ? ['--demo'] : [])), {
  cwd: root,
  env: tsxEnv(env),
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
if (prep.status !== 0) {
  console.error('✗ Could not prepare the database.');
  await shutdown(1);
}
const status = JSON.parse(prep.stdout.trim().split('\n').pop() ?? '{}');
if (status.seeded) console.log('• Loaded the demo data (first run).');
if (status.demo) env.KAIJI_DEMO = '1';

try {
  await ensureBuilt();
} catch (err) {
  console.error(`✗ ${err.message}`);
  await shutdown(1);
}

server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
server.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  if (/Ready in|ready started server|✓ Ready/.test(text)) banner();
});
server.on('exit', (code) => {
  if (!stopping) void shutdown(code ?? 1);
});

function banner() {
  const lines = [
    '',
    `  Kaiji is running at http://localhost:${port}`,
    `  Health: http://localhost:${port}/api/health`,
  ];
  if (status.demo) {
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
