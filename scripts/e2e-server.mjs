#!/usr/bin/env node
// The server the end-to-end tests drive: a fresh database with the demo data, a real OpenID Connect
// provider standing in for a university's (scripts/lib/oidc-test-provider.mjs), then `next start`
// configured for single sign-on through it. Started by Playwright (playwright.config.ts, webServer).
// Uses the PostgreSQL server given by KAIJI_TEST_PG_URL (npm test starts one) or starts an embedded one.
// Specs that start app processes of their own (e2e/scale-out.spec.ts) read the handoff file written
// here (e2e/support/handoff.ts): the build folder and an untouched copy of the demo database.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { ensureBuilt, root, runAsync, sourceHash, tsxArgs, tsxEnv } from './lib/install.mjs';
import { startEmbeddedPostgres } from './lib/embedded-pg.mjs';
import { OIDC_TEST_CLIENT, OIDC_TEST_NAME, startOidcProvider } from './lib/oidc-test-provider.mjs';

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
// A dropped connection must not take the server down: it is only needed to create and drop databases.
admin.on('error', (err) => console.error(`[e2e] admin connection: ${err.message}`));
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const url = new URL(adminUrl);
url.pathname = `/${database}`;
const appUrl = `http://localhost:${port}`;
// Up before the app starts: next-auth reads the provider's discovery document on the first SSO request.
const idp = await startOidcProvider({ redirectUris: [`${appUrl}/api/auth/callback/oidc`] });

const env = {
  ...process.env,
  DATABASE_URL: url.toString(),
  AUTH_SECRET: 'e2e-secret-0123456789-0123456789-abcdef',
  APP_URL: appUrl,
  NEXTAUTH_URL: appUrl,
  OIDC_ISSUER: idp.issuer,
  OIDC_CLIENT_ID: OIDC_TEST_CLIENT.id,
  OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.secret,
  OIDC_NAME: OIDC_TEST_NAME,
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
// Asynchronously: this process may own the embedded PostgreSQL, whose log pipe its event loop reads.
await runAsync(process.execPath, tsxArgs('scripts/db-prepare.ts', '--demo'), { env: tsxEnv(env), stdio: ['ignore', 'inherit', 'inherit'] }).catch((err) => {
  console.error(err.message);
  process.exit(1);
});
await ensureBuilt({ distDir: env.KAIJI_DIST_DIR });
// A copy of the freshly seeded database that no process connects to, so specs can clone it cheaply.
const template = `${database}_tpl`;
await admin.query(`CREATE DATABASE ${template} TEMPLATE ${database}`);
const handoff = path.join(root, '.kaiji', `e2e-${port}.json`);
fs.mkdirSync(path.dirname(handoff), { recursive: true });
fs.writeFileSync(handoff, JSON.stringify({ adminUrl, template, distDir: env.KAIJI_DIST_DIR, authSecret: env.AUTH_SECRET }));

const server = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
  cwd: root,
  env,
  stdio: 'inherit',
});
const stop = async () => {
  server.kill('SIGTERM');
  await idp.stop().catch(() => {});
  fs.rmSync(handoff, { force: true });
  for (const db of [database, template]) await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => {});
  await admin.end().catch(() => {});
  await pg?.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
server.on('exit', (code) => process.exit(code ?? 1));
