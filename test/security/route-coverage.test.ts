// The access matrix must classify every route: walk app/ for pages and route handlers, and fail on any
// that neither a path of e2e/access-matrix.ts ROUTES nor its ROUTES_CHECKED_ELSEWHERE list covers. Every
// server action (a defineAction name in any 'use server' module of app/ or lib/) must likewise be in one of
// the matrix's action lists or be tested by an access test that imports its module. A new route or action cannot go unclassified.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIONS, ACTIONS_CHECKED_ELSEWHERE, REPORT_ACTIONS, REVIEW_ACTIONS, ROUTES, ROUTES_CHECKED_ELSEWHERE } from '@/e2e/access-matrix';
import { serverActionFiles } from './support/actions';

const ROOT = path.resolve(import.meta.dirname, '../..');
const APP = path.join(ROOT, 'app');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** app/(app)/review/[id]/page.tsx → /review/[id] */
function routeOf(file: string): string {
  const rel = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${rel.join('/')}`;
}

function matcher(route: string): RegExp {
  const body = route
    .split('/')
    .map((seg) => (/^\[\.\.\..+\]$/.test(seg) ? '.+' : /^\[.+\]$/.test(seg) ? '[^/]+' : seg.replace(/[.*+?^${}()|\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${body}$`);
}

describe('the access matrix classifies every route and action', () => {
  const routes = [...new Set(files(APP).filter((f) => /\/(page\.tsx|route\.ts)$/.test(f)).map(routeOf))].sort();

  it('every page and route handler under app/ is opened by the matrix or listed with where it is checked', () => {
    expect(routes.length).toBeGreaterThan(40);
    const paths = ROUTES.map((r) => new URL(r.path, 'http://x').pathname);
    const unclassified = routes.filter((route) => !(route in ROUTES_CHECKED_ELSEWHERE) && !paths.some((p) => matcher(route).test(p)));
    expect(unclassified, 'add these to ROUTES (or, with a reason, ROUTES_CHECKED_ELSEWHERE) in e2e/access-matrix.ts').toEqual([]);
    // And nothing listed that no longer exists.
    expect(Object.keys(ROUTES_CHECKED_ELSEWHERE).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('every server action is in the matrix or in an access test of its module', () => {
    const actionFiles = serverActionFiles();
    expect(actionFiles.length).toBeGreaterThan(15);
    const listed = new Set([...[...ACTIONS, ...REVIEW_ACTIONS, ...REPORT_ACTIONS].map((a) => a.name), ...Object.keys(ACTIONS_CHECKED_ELSEWHERE)]);
    const accessTests = ['lib/admin/access.test.ts', 'lib/filing/access.test.ts', 'lib/review/access.test.ts', 'lib/reports/access.test.ts', 'lib/filing/carry.test.ts', 'lib/filing/grant-suggestions.test.ts', 'test/security/fuzz-actions.test.ts']
      .map((f) => path.resolve(ROOT, f))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, 'utf8'));
    const missing: string[] = [];
    for (const file of actionFiles) {
      const source = fs.readFileSync(file, 'utf8');
      const importPath = `@/${path.relative(ROOT, file).replace(/\.ts$/, '')}`;
      const testedByModule = accessTests.some((t) => t.includes(`'${importPath}'`));
      for (const m of source.matchAll(/defineAction\(\{\s*name: '([^']+)'/g)) {
        if (!listed.has(m[1]!) && !testedByModule) missing.push(`${m[1]} (${importPath})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
