#!/usr/bin/env node
// `npm test`: every check, in order, on a fresh clone: install, typecheck, lint, unit + integration
// (Vitest on a real PostgreSQL), end-to-end (Playwright in Chromium against the built app). Ends with
// one line "N passed, N failed" over all suites. Exit code 0 only when nothing failed.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureInstalled, root } from './lib/install.mjs';

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

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
const bin = (p) => path.join(root, 'node_modules', p);

function step(name, cmd, args, env = {}) {
  console.log(`\n━━ ${name} ━━`);
  const t = Date.now();
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const secs = ((Date.now() - t) / 1000).toFixed(1);
  return { ok: res.status === 0, secs };
}

function check(name, cmd, args) {
  const r = step(name, cmd, args);
  if (r.ok) totals.passed++;
  else totals.failed++;
  lines.push(`${r.ok ? '✓' : '✗'} ${name} (${r.secs}s)`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

check('typecheck', process.execPath, [bin('typescript/bin/tsc'), '--noEmit', '-p', '.']);
check('lint', process.execPath, [bin('eslint/bin/eslint.js'), '.', '--max-warnings=0']);

// One PostgreSQL for all suites; each test file / e2e run makes its own databases in it.
const pg = await startEmbeddedPostgres({ dir: path.join(os.tmpdir(), `kaiji-test-${randomUUID().slice(0, 8)}`), ephemeral: true });
const pgEnv = { KAIJI_TEST_PG_URL: pg.url('postgres') };
try {
  const vitestJson = path.join(resultsDir, 'vitest.json');
  const v = step('unit and integration tests (Vitest, PostgreSQL)', process.execPath, [
    bin('vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`,
  ], pgEnv);
  const vr = readJson(vitestJson);
  if (vr) {
    totals.passed += vr.numPassedTests;
    totals.failed += vr.numFailedTests + (vr.numFailedTestSuites && !vr.numFailedTests ? vr.numFailedTestSuites : 0);
    totals.skipped += vr.numPendingTests + vr.numTodoTests;
    lines.push(`${v.ok ? '✓' : '✗'} vitest: ${vr.numPassedTests} passed, ${vr.numFailedTests} failed (${v.secs}s)`);
  } else {
    totals.failed++;
    lines.push(`✗ vitest did not report results (${v.secs}s)`);
  }

  const browser = await findChromium();
  if (!browser) {
    console.log('\nNo Chromium found; trying `npx playwright install chromium`…');
    spawnSync(process.execPath, [bin('playwright/cli.js'), 'install', 'chromium'], { cwd: root, stdio: 'inherit' });
  }
  if (!(await findChromium())) {
    console.error(`\n${MISSING_BROWSER}`);
    totals.failed++;
    lines.push('✗ e2e: no Chromium available (see message above)');
  } else {
    const e2eJson = path.join(resultsDir, 'e2e.json');
    const e = step('end-to-end tests (Playwright, Chromium)', process.execPath, [bin('@playwright/test/cli.js'), 'test'], pgEnv);
    const er = readJson(e2eJson);
    if (er?.stats) {
      const { expected, unexpected, flaky, skipped } = er.stats;
      totals.passed += expected + flaky;
      totals.failed += unexpected;
      totals.skipped += skipped;
      lines.push(`${e.ok ? '✓' : '✗'} e2e: ${expected + flaky} passed, ${unexpected} failed (${e.secs}s)`);
      if (!e.ok && !unexpected) {
        totals.failed++;
        lines.push('✗ e2e run failed outside the tests (see output above)');
      }
    } else {
      totals.failed++;
      lines.push(`✗ e2e did not report results (${e.secs}s)`);
    }
  }
} finally {
  await pg.stop();
}

console.log(`\n━━ summary (${((Date.now() - started) / 1000).toFixed(0)}s) ━━`);
for (const l of lines) console.log(l);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed ? 1 : 0);
