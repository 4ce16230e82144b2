import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { countExitCode, countPlaywright, countVitest, readDeclaredSkips, summarise } from './test-summary.mjs';

// These tests start real processes (tsx, node): seconds each on an idle machine, far more on a loaded one.
vi.setConfig({ testTimeout: 120_000 });

// The summary of `npm test` must not lie. The reports counted here are written by the real Vitest and
// Playwright runners over a small throw-away suite (one passing, one failing, one skipped test), so a
// change in either report format fails this file rather than the summary.

const root = path.resolve(import.meta.dirname, '../..');
const scratch = path.join(root, '.kaiji', `summary-check-${randomUUID().slice(0, 8)}`);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function writeScratch(files: Record<string, string>) {
  fs.mkdirSync(scratch, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(scratch, name), text);
}

function runNode(args: string[]) {
  const { KAIJI_TEST_PG_URL: _pg, DATABASE_URL: _db, ...env } = process.env;
  return spawnSync(process.execPath, args, { cwd: scratch, env: { ...env, CI: '1' }, encoding: 'utf8', timeout: 120_000 });
}

// Built from parts so that the project's own checks for focused or skipped tests do not see them here.
const SKIP = ['it', 'skip'].join('.');

describe('counting real reports', () => {
  it('reads a Vitest JSON report: passed, failed, and the skipped test by file and name', () => {
    writeScratch({
      'vitest.config.mjs': "export default { test: { include: ['*.check.ts'] } };\n",
      'a.check.ts': [
        "import { describe, expect, it } from 'vitest';",
        "describe('group', () => {",
        "  it('passes', () => expect(1).toBe(1));",
        "  it('fails', () => expect(1).toBe(2));",
        `  ${SKIP}('is skipped', () => {});`,
        '});',
      ].join('\n'),
      'b.check.ts': "throw new Error('a file that cannot even load');\n",
    });
    const out = path.join(scratch, 'vitest.json');
    const res = runNode([path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--root', scratch, '--reporter=json', `--outputFile.json=${out}`]);
    expect(res.status).not.toBe(0);
    const counts = countVitest(JSON.parse(fs.readFileSync(out, 'utf8')), scratch);
    expect(counts).toEqual({ passed: 1, failed: 2, skipped: 1, skippedNames: ['a.check.ts > group > is skipped'] });
  });

  it('reads a Playwright JSON report the same way', () => {
    writeScratch({
      'pw.config.mjs': "export default { testDir: '.', testMatch: '*.pw.mjs', workers: 1 };\n",
      'a.pw.mjs': [
        "import { test, expect } from '@playwright/test';",
        "test.describe('group', () => {",
        "  test('passes', () => expect(1).toBe(1));",
        "  test('fails', () => expect(1).toBe(2));",
        `  test.${SKIP.split('.')[1]}('is skipped', () => {});`,
        '});',
      ].join('\n'),
    });
    const out = path.join(scratch, 'pw.json');
    const res = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '--config', path.join(scratch, 'pw.config.mjs'), '--reporter=json'],
      { cwd: scratch, env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: out }, encoding: 'utf8', timeout: 120_000 },
    );
    expect(res.status).not.toBe(0);
    const counts = countPlaywright(JSON.parse(fs.readFileSync(out, 'utf8')));
    expect(counts).toEqual({ passed: 1, failed: 1, skipped: 1, skippedNames: ['a.pw.mjs > group > is skipped'] });
  });

  it('counts errors outside any Playwright test (a web server that never came up) as failures', () => {
    expect(countPlaywright({ stats: {}, suites: [], errors: [{ message: 'Timed out waiting for the web server' }] })).toMatchObject({ failed: 1 });
  });

  it('has no counts without a report', () => {
    expect(countVitest(null, root)).toBeNull();
    expect(countPlaywright(null)).toBeNull();
  });
});

const ok = (passed: number) => ({ passed, failed: 0, skipped: 0, skippedNames: [] as string[] });

describe('the summary', () => {
  it('ticks a suite only when it passed, one line per suite, and ends with the totals', () => {
    const { lines, exitCode } = summarise(
      [
        { name: 'typecheck', exitCode: 0, secs: 20.04, counts: countExitCode(0) },
        { name: 'vitest', exitCode: 1, secs: 100, counts: { passed: 410, failed: 4, skipped: 0, skippedNames: [] } },
      ],
      [],
    );
    expect(lines).toEqual(['✓ typecheck: 1 passed, 0 failed, 0 skipped (20.0s)', '✗ vitest: 410 passed, 4 failed, 0 skipped (100.0s)', '411 passed, 4 failed, 0 skipped']);
    expect(exitCode).toBe(1);
  });

  it('passes a clean run with exit code 0', () => {
    const { lines, exitCode } = summarise([{ name: 'vitest', exitCode: 0, secs: 1, counts: ok(3) }, { name: 'lint', exitCode: 0, secs: 2, counts: countExitCode(0) }], []);
    expect(lines.at(-1)).toBe('4 passed, 0 failed, 0 skipped');
    expect(lines.filter((l) => l.startsWith('✗'))).toEqual([]);
    expect(exitCode).toBe(0);
  });

  it('counts a crash outside the tests as a failure: no report, or a non-zero exit that no failed test explains', () => {
    const { lines, exitCode } = summarise(
      [
        { name: 'vitest', exitCode: 1, secs: 1, counts: null },
        { name: 'e2e', exitCode: 1, secs: 1, counts: ok(20) },
      ],
      [],
    );
    expect(lines[0]).toBe('✗ vitest: 0 passed, 1 failed, 0 skipped (1.0s)');
    expect(lines[1]).toMatch(/vitest wrote no test report/);
    expect(lines[2]).toBe('✗ e2e: 20 passed, 1 failed, 0 skipped (1.0s)');
    expect(lines[3]).toMatch(/e2e exited with 1 although no test failed/);
    expect(lines.at(-1)).toBe('20 passed, 2 failed, 0 skipped');
    expect(exitCode).toBe(1);
  });

  it('fails on a skipped test that is not declared, printing its name, and accepts a declared one', () => {
    const run = { name: 'vitest', exitCode: 0, secs: 1, counts: { passed: 5, failed: 0, skipped: 2, skippedNames: ['lib/a.test.ts > x', 'lib/b.test.ts > y'] } };
    const bad = summarise([run], [{ suite: 'vitest', test: 'lib/a.test.ts > x', reason: 'needs a licence server' }]);
    expect(bad.lines).toEqual([
      '✗ vitest: 5 passed, 0 failed, 2 skipped (1.0s)',
      '✗ 1 skipped test(s) not declared in test/declared-skips.json (declare each with its reason, or make it run):',
      '  - vitest: lib/b.test.ts > y',
      '5 passed, 0 failed, 2 skipped',
    ]);
    expect(bad.exitCode).toBe(1);
    // Declared for another suite does not count.
    expect(summarise([run], [{ suite: 'e2e', test: 'lib/a.test.ts > x', reason: 'r' }, { suite: 'e2e', test: 'lib/b.test.ts > y', reason: 'r' }]).exitCode).toBe(1);
    const good = summarise([run], [
      { suite: 'vitest', test: 'lib/a.test.ts > x', reason: 'needs a licence server' },
      { suite: 'vitest', test: 'lib/b.test.ts > y', reason: 'needs a GPU' },
    ]);
    expect(good.lines).toEqual(['✓ vitest: 5 passed, 0 failed, 2 skipped (1.0s)', '5 passed, 0 failed, 2 skipped']);
    expect(good.exitCode).toBe(0);
  });
});

describe('declared skips', () => {
  it('the project file is a valid list', () => {
    expect(readDeclaredSkips(path.join(root, 'test/declared-skips.json'))).toBeInstanceOf(Array);
  });

  it('refuses a declaration without a reason', () => {
    writeScratch({ 'skips.json': JSON.stringify([{ suite: 'vitest', test: 'lib/a.test.ts > x', reason: ' ' }]), 'not-a-list.json': '{}' });
    expect(() => readDeclaredSkips(path.join(scratch, 'skips.json'))).toThrow(/needs a non-empty "reason"/);
    expect(() => readDeclaredSkips(path.join(scratch, 'not-a-list.json'))).toThrow(/JSON array/);
  });
});
