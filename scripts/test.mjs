#!/usr/bin/env node
// `npm test`: every check, in order, on a fresh clone: install, typecheck, lint, unit + integration
// (Vitest on a real PostgreSQL), the production release started as the image starts it (Vitest),
// end-to-end (Playwright in Chromium against the built app). Prints one
// line per suite, "✓|✗ name: N passed, N failed, N skipped (secs)", and last "N passed, N failed,
// N skipped" over all suites. Exit code 0 only when nothing failed and every skipped test is declared,
// with its reason, in test/declared-skips.json (scripts/lib/test-summary.mjs does the counting).
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureInstalled, root } from './lib/install.mjs';
import { countExitCode, countPlaywright, countVitest, readDeclaredSkips, summarise } from './lib/test-summary.mjs';

const started = Date.now();
await ensureInstalled().catch((err) => {
  console.error(`✗ ${err.message}`);
  process.exit(1);
});
const { startEmbeddedPostgres } = await import('./lib/embedded-pg.mjs');
const { findChromium, MISSING_BROWSER } = await import('./lib/browser.mjs');

const resultsDir = path.join(root, '.kaiji/test-results');
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });
const bin = (p) => path.join(root, 'node_modules', p);
const report = (name) => path.join(resultsDir, `${name}.json`);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Playwright in Chromium; tries `npx playwright install chromium` once when none is found. */
async function chromiumOrReason() {
  if (await findChromium()) return null;
  console.log('\nNo Chromium found; trying `npx playwright install chromium`…');
  spawnSync(process.execPath, [bin('playwright/cli.js'), 'install', 'chromium'], { cwd: root, stdio: 'inherit' });
  if (await findChromium()) return null;
  console.error(`\n${MISSING_BROWSER}`);
  return 'no Chromium available (see the message above)';
}

// The suites, in order. Adding one is one line: a name, the node script and arguments, and how its
// results are counted ('vitest' and 'playwright' read the JSON report written to report(name); without
// one the suite is a single check that passes when it exits 0). `database: true` gives it the shared
// PostgreSQL in KAIJI_TEST_PG_URL; `before` may return a reason not to run it (counted as a failure).
const SUITES = [
  { name: 'typecheck', minutes: 10, args: [bin('typescript/bin/tsc'), '--noEmit', '-p', '.'] },
  { name: 'lint', minutes: 10, args: [bin('eslint/bin/eslint.js'), '.', '--max-warnings=0'] },
  { name: 'vitest', minutes: 30, counts: 'vitest', database: true, args: [bin('vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report('vitest')}`] },
  { name: 'release', minutes: 15, counts: 'vitest', database: true, before: chromiumOrReason, args: [bin('vitest/vitest.mjs'), 'run', '--config', 'vitest.release.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report('release')}`] },
  { name: 'e2e', minutes: 30, counts: 'playwright', database: true, before: chromiumOrReason, args: [bin('@playwright/test/cli.js'), 'test', '--reporter=list,json'] },
];

/**
 * Runs one suite as a child in a process group of its own, asynchronously: this process keeps reading
 * the test PostgreSQL's log pipe meanwhile (a blocked event loop once let that pipe fill and hang the
 * server). A suite past its time limit is stopped, its whole group (servers it started included), so
 * a hang anywhere ends as a counted failure instead of eating the CI's time.
 */
function runSuite(suite, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, suite.args, { cwd: root, stdio: 'inherit', env, detached: true });
    let timedOut = false;
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const limit = setTimeout(() => {
      timedOut = true;
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), 15_000).unref();
    }, suite.minutes * 60_000);
    const interrupt = () => kill('SIGINT');
    process.on('SIGINT', interrupt);
    process.on('SIGTERM', interrupt);
    child.on('exit', (code, signal) => {
      clearTimeout(limit);
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      // Whatever the suite left behind in its group (a server it started) goes with it.
      kill('SIGKILL');
      resolve({ exitCode: code ?? (signal ? 1 : 0), timedOut });
    });
  });
}

// `npm test -- lint vitest` runs only the suites named (all of them by default).
const only = process.argv.slice(2);
const unknown = only.filter((n) => !SUITES.some((s) => s.name === n));
if (unknown.length) {
  console.error(`✗ unknown suite ${unknown.join(', ')}; the suites are ${SUITES.map((s) => s.name).join(', ')}`);
  process.exit(1);
}

let declared;
try {
  declared = readDeclaredSkips(path.join(root, 'test/declared-skips.json'));
} catch (err) {
  console.error(`✗ ${err.message}`);
  process.exit(1);
}

// One PostgreSQL for all suites that need one; each test file / e2e run makes its own databases in it.
let pg;
const runs = [];
try {
  for (const suite of SUITES.filter((s) => !only.length || only.includes(s.name))) {
    console.log(`\n━━ ${suite.name} ━━`);
    const t = Date.now();
    const secs = () => (Date.now() - t) / 1000;
    const notRun = suite.before ? await suite.before() : null;
    if (notRun) {
      runs.push({ name: suite.name, exitCode: 1, secs: secs(), counts: countExitCode(1), note: notRun });
      continue;
    }
    if (suite.database && !pg) {
      // The server's log goes to a file beside the reports: what to read when a suite hung or failed oddly.
      const pgLog = fs.createWriteStream(path.join(resultsDir, 'postgres.log'));
      pg = await startEmbeddedPostgres({ dir: path.join(os.tmpdir(), `kaiji-test-${randomUUID().slice(0, 8)}`), ephemeral: true, log: (l) => pgLog.write(l) });
    }
    const env = {
      ...process.env,
      ...(suite.database ? { KAIJI_TEST_PG_URL: pg.url('postgres') } : {}),
      ...(suite.counts === 'playwright' ? { PLAYWRIGHT_JSON_OUTPUT_FILE: report(suite.name) } : {}),
    };
    const { exitCode, timedOut } = await runSuite(suite, env);
    if (timedOut) console.error(`\n✗ ${suite.name} did not finish within ${suite.minutes} minutes and was stopped.`);
    const counts =
      suite.counts === 'vitest'
        ? countVitest(readJson(report(suite.name)), root)
        : suite.counts === 'playwright'
          ? countPlaywright(readJson(report(suite.name)))
          : countExitCode(exitCode);
    runs.push({ name: suite.name, exitCode, secs: secs(), counts, ...(timedOut ? { note: `stopped after ${suite.minutes} minutes` } : {}) });
  }
} finally {
  await pg?.stop();
}

const { lines, exitCode } = summarise(runs, declared);
console.log(`\n━━ summary (${((Date.now() - started) / 1000).toFixed(0)}s) ━━`);
for (const l of lines) console.log(l);
process.exit(exitCode);
