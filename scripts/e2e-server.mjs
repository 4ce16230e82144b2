#!/usr/bin/env node
// The server the end-to-end tests drive: a fresh database with the demo data, then `next start`.
// Started by Playwright (playwright.config.ts, webServer). Uses the PostgreSQL server given by
// KAIJI_TEST_PG_URL (npm test starts one) or starts an embedded one of its own.
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { ensureBuilt, root, sourceHash, tsxArgs, tsxEnv } from './lib/install.mjs';
import { startEmbeddedPostgres } from './lib/embedded-pg.mjs';

const port = Number(process.env.E2E_PORT ?? 3100);
let pg;
let adminUrl = process.env.KAIJI_TEST_PG_URL;
if (!adminUrl) {
  pg = await startEmbeddedPostgres({ dir: path.join(os.tmpdir(), `kaiji-e2e-${randomUUID().slice(0, 8)}`), ephemeral: true });
  adminUrl = pg.url('postgres');
}
const database = `kaiji_e2e_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
const pgMod = await import('pg');
const admin = new pgMod.default.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const url = new URL(adminUrl);
url.pathname = `/${database}`;

const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  AUTH_SECRET: 'e2e-secret-0123456789-0123456789-abcdef',
  APP_URL: `http://localhost:${port}`,
  NEXTAUTH_URL: `http://localhost:${port}`,
  KAIJI_DEMO: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  // A build folder per version of the sources: runs of different working trees never share one.
  KAIJI_DIST_DIR: process.env.KAIJI_DIST_DIR || `.next-e2e-${sourceHash().slice(0, 12)}`,
};
// Builds of other source versions older than a day are left-overs.
for (const name of fs.readdirSync(root).filter((n) => n.startsWith('.next-e2e-') && n !== env.KAIJI_DIST_DIR)) {
  const p = path.join(root, name);
  if (Date.now() - fs.statSync(p).mtimeMs > 24 * 3600_000) fs.rmSync(p, { recursive: true, force: true });
}
const prep = spawnSync(process.execPath, tsxArgs('scripts/db-prepare.ts', '--demo'), { cwd: root, env: tsxEnv(env), stdio: ['ignore', 'inherit', 'inherit'] });
if (prep.status !== 0) process.exit(1);
await ensureBuilt({ distDir: env.KAIJI_DIST_DIR });

const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
const stop = async () => {
  server.kill('SIGTERM');
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
  await admin.end().catch(() => {});
  await pg?.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 1));
