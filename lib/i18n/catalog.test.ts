// The two languages stay complete: the same namespace files, the same keys, no empty messages, and the same
// placeholders in both, so a message never renders "{max}" or loses a number in one language.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(import.meta.dirname, '../../messages');
const namespaces = (locale: string) =>
  fs.readdirSync(path.join(dir, locale)).filter((f) => f.endsWith('.json')).sort();

/** "a.b.c" → message, for every string leaf of a catalog file. */
function flatten(node: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) {
    for (const [key, child] of Object.entries(node)) {
      for (const [k, v] of flatten(child, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
    }
  } else {
    out.set(prefix, node);
  }
  return out;
}

const load = (locale: string, file: string) =>
  flatten(JSON.parse(fs.readFileSync(path.join(dir, locale, file), 'utf8')));

/** ICU argument names: {name}, {n, plural, ...}, {d, date}; `#` and literal text are not arguments. */
function placeholders(message: string): string[] {
  return [...new Set([...message.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]!))].sort();
}

describe('message catalogs', () => {
  it('both languages have the same namespace files', () => {
    expect(namespaces('en').length).toBeGreaterThan(0);
    expect(namespaces('ja')).toEqual(namespaces('en'));
  });

  describe.each(namespaces('en'))('%s', (file) => {
    const en = load('en', file);
    const ja = fs.existsSync(path.join(dir, 'ja', file)) ? load('ja', file) : new Map<string, unknown>();

    it('has exactly the same keys in en and ja', () => {
      expect([...ja.keys()].sort()).toEqual([...en.keys()].sort());
    });

    it('has only non-empty string messages', () => {
      for (const [locale, catalog] of [['en', en], ['ja', ja]] as const) {
        const bad = [...catalog].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => k);
        expect(bad, locale).toEqual([]);
      }
    });

    it('uses the same placeholders in en and ja', () => {
      const differing = [...en].flatMap(([key, message]) => {
        const other = ja.get(key);
        if (typeof message !== 'string' || typeof other !== 'string') return [];
        const [a, b] = [placeholders(message), placeholders(other)];
        return a.join() === b.join() ? [] : [`${key}: en {${a.join()}} ja {${b.join()}}`];
      });
      expect(differing).toEqual([]);
    });
  });
});
