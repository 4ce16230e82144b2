// Hostile variants of a valid input: one field at a time (nested fields of objects and arrays too) gets a
// hostile string put before, inside or after its valid value, is swapped for a plausible value of its
// kind (another record's id, the same text in capitals or padded, another count, the other boolean, a list
// repeated or emptied), is replaced
// by any hostile value, or is dropped — and the rest stays valid, so most calls get past the input gate
// into the action's body. Now and then two fields at once.
import fc from 'fast-check';
import { hostileString, hostileValue } from './hostile';

export type Path = (string | number)[];

/** Every path into `value`: each key and index, nested, and the containers themselves. */
export function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : value && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [k, v] of children) {
    out.push([...prefix, k]);
    out.push(...pathsOf(v, [...prefix, k]));
  }
  return out;
}

export type Mutation =
  | { op: 'replace'; value: unknown }
  | { op: 'plausible'; pick: number }
  | { op: 'drop' }
  | { op: 'affix'; where: 'before' | 'inside' | 'after'; text: string };

const affix = fc.record({ op: fc.constant('affix' as const), where: fc.constantFrom('before' as const, 'inside' as const, 'after' as const), text: hostileString });
const gateBypass = fc.record({
  op: fc.constant('affix' as const),
  where: fc.constantFrom('before' as const, 'after' as const),
  text: fc.constantFrom('\u0000', 'a\uD800', '\uDC00b', 'invoice\u202Efdp.exe', '\u2067x\u2069'),
});
const plausible = fc.record({ op: fc.constant('plausible' as const), pick: fc.nat() });
const replace = hostileValue.map((value) => ({ op: 'replace' as const, value }));
const drop = fc.constant({ op: 'drop' as const });

/**
 * One field made hostile (five runs in six) or two. `textPaths` are the indexes of the seed's paths that
 * take free text (a harmless suffix passes the schema): hostile text goes there mostly, since a uuid or a
 * code with text around it only tests the schema. A field is picked by index into the seed's paths.
 */
export function mutationsFor(textPaths: number[], decodedPaths: number[] = []): fc.Arbitrary<Mutations> {
  const at = (paths: fc.Arbitrary<number>, m: fc.Arbitrary<Mutation>) => fc.tuple(paths, m);
  const one: fc.Arbitrary<[number, Mutation]> = fc.oneof(
    // Text the action decodes itself (JSON typed into a field) is where the gate can be bypassed: it gets
    // what the gate refuses or drops, escaped, often.
    ...(decodedPaths.length ? [{ weight: 4, arbitrary: at(fc.constantFrom(...decodedPaths), gateBypass) }] : []),
    // Without a free-text field, the weight of hostile text goes to plausible values (another record's id).
    textPaths.length ? { weight: 10, arbitrary: at(fc.constantFrom(...textPaths), affix) } : { weight: 10, arbitrary: at(fc.nat(), plausible) },
    { weight: 3, arbitrary: at(fc.nat(), plausible) },
    { weight: 2, arbitrary: at(fc.nat(), replace) },
    { weight: 1, arbitrary: at(fc.nat(), affix) },
    { weight: 1, arbitrary: at(fc.nat(), drop) },
  );
  return fc.oneof({ weight: 5, arbitrary: fc.tuple(one) }, { weight: 1, arbitrary: fc.tuple(one, one) });
}
export type Mutations = [number, Mutation][];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COUNTS = [0, 1, 2, 3, 1_000_000, 2 ** 31 - 1];
const WORDS = ['', 'ja', 'en', 'INTERNAL', 'RESEARCHER', 'ADMIN', 'APPROVE', 'RETURN', 'CLOSED', 'OPEN', 'csv', 'pdf', '2026-04-01', '2027-03-31T23:59', 'x@kaiji.test'];

function mutated(original: unknown, m: Mutation, ids: readonly string[]): unknown {
  if (m.op === 'replace') return m.value;
  if (m.op === 'drop') return undefined;
  if (m.op === 'plausible') {
    if (typeof original === 'string') {
      if (UUID.test(original)) return ids[m.pick % ids.length];
      // The same value as a person might type it (case, padding), or a word of another field.
      const variants = [original.toUpperCase(), ` ${original} `, original.toLowerCase(), WORDS[m.pick % WORDS.length]];
      return variants[m.pick % variants.length];
    }
    if (typeof original === 'number') return COUNTS[m.pick % COUNTS.length];
    if (typeof original === 'boolean') return !original;
    if (Array.isArray(original)) return m.pick % 2 ? [...original, ...structuredClone(original)] : [];
    return m.pick % 2 ? {} : null;
  }
  const base = typeof original === 'string' ? original : typeof original === 'number' ? String(original) : '';
  // Text that an action decodes (a JSON object typed into a field) gets the hostile text as an escaped
  // value inside it, which the input gate sees only as harmless ASCII ("\\u0000", "\\u202e").
  const json = jsonObject(base);
  if (json) return asciiJson({ ...json, [m.where]: m.text });
  if (m.where === 'before') return m.text + base;
  if (m.where === 'after') return base + m.text;
  const mid = Math.floor(base.length / 2);
  return base.slice(0, mid) + m.text + base.slice(mid);
}

/** Whether `v` is text holding a JSON object (decoded by the action, unseen by the input gate). */
export const isJsonObjectText = (v: unknown) => typeof v === 'string' && jsonObject(v) !== null;

function jsonObject(s: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(s);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const asciiJson = (v: unknown) => JSON.stringify(v).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** A deep copy of `input` with each mutation applied at its path (paths of this input, so a fresh seed of
 * a different shape still gets a valid one). Returns the copy and a readable description. */
export function applyMutations(input: Record<string, unknown>, ms: Mutations, ids: readonly string[] = []): { raw: unknown; described: string } {
  const copy = structuredClone(input) as Record<string, unknown>;
  const paths = pathsOf(copy);
  const described: string[] = [];
  for (const [pick, m] of ms) {
    if (!paths.length) return { raw: mutated(copy, m, ids), described: `(whole input) ${m.op}` };
    const p = paths[pick % paths.length]!;
    let parent: Record<string | number, unknown> = copy;
    for (const k of p.slice(0, -1)) {
      const next = parent[k];
      if (!next || typeof next !== 'object') break;
      parent = next as Record<string | number, unknown>;
    }
    const key = p[p.length - 1]!;
    const value = mutated(parent[key], m, ids);
    if (value === undefined) delete parent[key];
    else parent[key] = value;
    described.push(`${p.join('.')} ${m.op}`);
  }
  return { raw: copy, described: described.join(', ') };
}
