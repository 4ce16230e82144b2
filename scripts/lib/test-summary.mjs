// The counting and the summary of `npm test` (scripts/test.mjs), kept apart so that a test can hold it
// to its promise: a suite gets a tick only when it passed, a run that crashed outside the tests (no
// report, or a non-zero exit that no failed test explains) is a failure, and a skipped test fails the
// run unless test/declared-skips.json declares it with a reason.
import fs from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{ passed: number, failed: number, skipped: number, skippedNames: string[] }} Counts
 * @typedef {{ name: string, exitCode: number | null, secs: number, counts: Counts | null, note?: string }} SuiteRun
 * @typedef {{ suite: string, test: string, reason: string }} DeclaredSkip
 */

/** Vitest's JSON report: tests by status, and the names of the skipped ones ("file > describe > test"). */
export function countVitest(report, root) {
  if (!report || !Array.isArray(report.testResults)) return null;
  const counts = { passed: 0, failed: 0, skipped: 0, skippedNames: [] };
  for (const file of report.testResults) {
    const rel = path.relative(root, file.name ?? '') || String(file.name);
    const tests = file.assertionResults ?? [];
    // A file that failed before any test ran (import error, failing beforeAll with no results) counts once.
    if (file.status === 'failed' && !tests.some((t) => t.status === 'failed')) counts.failed++;
    for (const t of tests) {
      if (t.status === 'passed') counts.passed++;
      else if (t.status === 'failed') counts.failed++;
      else {
        counts.skipped++;
        counts.skippedNames.push([rel, ...(t.ancestorTitles ?? []), t.title].join(' > '));
      }
    }
  }
  return counts;
}

/** Playwright's JSON report: flaky tests passed on retry; the names of skipped ones ("file > title"). */
export function countPlaywright(report) {
  if (!report || !report.stats) return null;
  const counts = { passed: 0, failed: 0, skipped: 0, skippedNames: [] };
  const walk = (suite, titles) => {
    const here = suite.title ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === 'expected' || t.status === 'flaky') counts.passed++;
        else if (t.status === 'unexpected') counts.failed++;
        else {
          counts.skipped++;
          counts.skippedNames.push([...here, spec.title].join(' > '));
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, here);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  // Errors outside any test (a failing global setup, a web server that never came up).
  counts.failed += (report.errors ?? []).length;
  return counts;
}

/** A suite without a test report (typecheck, lint) is one check: passed when it exited 0. */
export function countExitCode(exitCode) {
  return exitCode === 0
    ? { passed: 1, failed: 0, skipped: 0, skippedNames: [] }
    : { passed: 0, failed: 1, skipped: 0, skippedNames: [] };
}

/** Reads test/declared-skips.json: a list of { suite, test, reason }. Anything else is an error. */
export function readDeclaredSkips(file) {
  if (!fs.existsSync(file)) return [];
  const list = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${file} must hold a JSON array`);
  for (const [i, d] of list.entries()) {
    for (const key of ['suite', 'test', 'reason']) {
      if (typeof d?.[key] !== 'string' || !d[key].trim()) throw new Error(`${file}[${i}] needs a non-empty "${key}"`);
    }
  }
  return list;
}

const plural = (c) => `${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;

/**
 * The summary lines and the exit code of a run. A suite's counts are taken from its report; a missing
 * report, or a non-zero exit with no failed test to explain it, adds one failure.
 * @param {SuiteRun[]} runs
 * @param {DeclaredSkip[]} declared
 */
export function summarise(runs, declared) {
  const lines = [];
  const total = { passed: 0, failed: 0, skipped: 0 };
  const undeclared = [];
  for (const run of runs) {
    const c = run.counts ? { ...run.counts } : { passed: 0, failed: 0, skipped: 0, skippedNames: [] };
    const notes = [];
    if (run.note) notes.push(run.note);
    if (!run.counts) {
      c.failed++;
      notes.push(`${run.name} wrote no test report: it failed outside the tests (see its output above)`);
    } else if (run.exitCode !== 0 && c.failed === 0) {
      c.failed++;
      notes.push(`${run.name} exited with ${run.exitCode ?? 'a signal'} although no test failed: an error outside the tests (see its output above)`);
    }
    const ok = declared.filter((d) => d.suite === run.name).map((d) => d.test);
    const bad = c.skippedNames.filter((n) => !ok.includes(n));
    undeclared.push(...bad.map((n) => `${run.name}: ${n}`));
    const passed = c.failed === 0 && bad.length === 0 && run.exitCode === 0;
    lines.push(`${passed ? '✓' : '✗'} ${run.name}: ${plural(c)} (${run.secs.toFixed(1)}s)`);
    for (const n of notes) lines.push(`  ${n}`);
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  if (undeclared.length) {
    lines.push(`✗ ${undeclared.length} skipped test(s) not declared in test/declared-skips.json (declare each with its reason, or make it run):`);
    for (const n of undeclared) lines.push(`  - ${n}`);
  }
  lines.push(plural(total));
  const exitCode = total.failed === 0 && undeclared.length === 0 && runs.every((r) => r.exitCode === 0) ? 0 : 1;
  return { lines, exitCode };
}
