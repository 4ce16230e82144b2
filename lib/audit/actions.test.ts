// Every audit action code has a readable label in both languages, and every code the source records is
// listed (AuditInput.action's type enforces it for the compiler; this scan also catches a code that a
// cast or an untyped script slipped past it).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, auditActionKey } from './actions';

const ROOT = path.resolve(import.meta.dirname, '../..');

function catalog(locale: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'messages', locale, 'auditActions.json'), 'utf8')) as Record<string, unknown>;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return ['node_modules', 'generated', '.git', '.kaiji'].includes(e.name) || e.name.startsWith('.next') ? [] : sources(p);
    return /\.(ts|tsx|mjs)$/.test(e.name) && !/\.(test|spec)\.ts$/.test(e.name) ? [p] : [];
  });
}

describe('audit action labels', () => {
  it('label every listed code, in Japanese and English, and nothing else', () => {
    const keys = AUDIT_ACTIONS.map(auditActionKey).sort();
    for (const locale of ['ja', 'en']) {
      const c = catalog(locale);
      expect(Object.keys(c).sort(), locale).toEqual(keys);
      for (const k of keys) expect(typeof c[k] === 'string' && (c[k] as string).trim().length > 0, `${locale} ${k}`).toBe(true);
    }
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
  });

  it('cover every code the source records', () => {
    const listed = new Set<string>(AUDIT_ACTIONS);
    const unlisted = new Set<string>();
    for (const file of [...sources(path.join(ROOT, 'lib')), ...sources(path.join(ROOT, 'app')), ...sources(path.join(ROOT, 'scripts'))]) {
      const text = fs.readFileSync(file, 'utf8');
      // `action: 'x.y'`, `action: cond ? 'x.y' : 'x.z'`, and the codes passed to the small audit helpers.
      const contexts = [...text.matchAll(/\baction\s*:\s*([^,\n}]+)/g)].map((m) => m[1]!);
      contexts.push(...[...text.matchAll(/\baudit\(tx, actor, origin, ('[^']+')/g)].map((m) => m[1]!));
      for (const ctx of contexts) {
        for (const [, lit] of ctx.matchAll(/'([a-z0-9_]+(?:\.[a-z0-9_]+)+)'/g)) {
          if (!listed.has(lit!) && !/^(test|bench)\./.test(lit!)) unlisted.add(`${path.relative(ROOT, file)}: ${lit}`);
        }
        // A code built from a template: every value it can take must be listed (admin.cycle.<transition>).
        for (const [, prefix] of ctx.matchAll(/`([a-z0-9_.]+\.)\$\{[^}]+\}`/g)) {
          if (![...listed].some((c) => c.startsWith(prefix!))) unlisted.add(`${path.relative(ROOT, file)}: ${prefix}*`);
        }
      }
    }
    // Message keys and filter examples share the shape; they are not recorded actions.
    const notActions = [/filing\.home\./];
    expect([...unlisted].filter((u) => !notActions.some((r) => r.test(u)))).toEqual([]);
  });
});
