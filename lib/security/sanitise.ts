// The one sanitiser for text on its way to PostgreSQL (and to people's screens). PostgreSQL refuses a
// NUL character in `text` and `jsonb`, and a lone UTF-16 surrogate cannot be encoded as UTF-8 at all:
// either one reaching a query used to answer 500, and made the denial's own audit write fail. Bidi
// embedding/override/isolate controls (U+202A–U+202E, U+2066–U+2069) make a file name or a note display
// differently from what it is ("invoice‮fdp.exe"), and no name or text in Kaiji needs them.
//
// Three ways in, by where the text goes:
// - user input (server actions, forms, API bodies): `inspectInput`/`safeString` refuse NUL and lone
//   surrogates with a field error (`validation.unsafeText`) and drop bidi controls;
// - URL parts (route params, search params): `safeParam` treats such a value as absent;
// - records of what happened (audit details, logs): `scrubText`/`scrubJson` never refuse, they replace.
// No `server-only`: the form schemas that use `safeString` run in the browser too.
import { z } from 'zod';

export const UNSAFE_TEXT_KEY = 'validation.unsafeText';

const NUL = /\u0000/;
const NUL_ALL = /\u0000/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_ALL = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const BIDI_ALL = /[\u202A-\u202E\u2066-\u2069]/g;

export type UnsafeReason = 'nul' | 'surrogate';

/** Why `s` cannot be stored as it is, or null when it can. */
export function unsafeReason(s: string): UnsafeReason | null {
  if (NUL.test(s)) return 'nul';
  if (LONE_SURROGATE.test(s)) return 'surrogate';
  return null;
}

/** Drops bidi embedding, override and isolate controls. */
export function stripBidi(s: string): string {
  return s.replace(BIDI_ALL, '');
}

/** The first `max` UTF-16 units of `s`, one fewer when the cut would split a surrogate pair (a lone half
 * cannot be stored). */
export function cutText(s: string, max: number): string {
  const code = s.charCodeAt(max - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** Makes any string storable and displayable without refusing it: for audit details, logs, headers. */
export function scrubText(s: string, maxLength = Infinity): string {
  const clean = stripBidi(s.replace(NUL_ALL, '').replace(LONE_SURROGATE_ALL, '\uFFFD'));
  return clean.length > maxLength ? `${cutText(clean, maxLength)}…` : clean;
}

/**
 * A JSON-safe copy of `value` with every string (keys included) scrubbed and cut to `maxString`
 * characters, non-finite numbers and bigints turned into strings, cycles and depth bounded. What an
 * attacker typed can then always be written to a `jsonb` column.
 */
export function scrubJson(value: unknown, maxString = 2000, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string') return scrubText(value, maxString);
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'object') return null; // functions, symbols
  if (depth > 8 || seen.has(value)) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.slice(0, 200).map((v) => scrubJson(v, maxString, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value).slice(0, 200)) {
    if (v !== undefined) out[scrubText(k, 200)] = scrubJson(v, maxString, depth + 1, seen);
  }
  return out;
}

export type Inspected = { ok: true; value: unknown } | { ok: false; fieldErrors: Record<string, string[]> };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Walks an input (plain objects and arrays; anything else is left to the schema) and refuses it with a
 * field error at each path holding NUL or a lone surrogate; otherwise returns a copy with bidi controls
 * dropped from every string. The first gate of every server action (lib/actions/action.ts).
 */
export function inspectInput(raw: unknown): Inspected {
  const fieldErrors: Record<string, string[]> = {};
  const walk = (v: unknown, path: string[]): unknown => {
    if (typeof v === 'string') {
      if (unsafeReason(v)) fieldErrors[path.join('.') || '_form'] = [UNSAFE_TEXT_KEY];
      return stripBidi(v);
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, [...path, String(i)]));
    if (isPlainObject(v)) {
      const out: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        if (unsafeReason(k)) fieldErrors[[...path, scrubText(k, 100)].join('.')] = [UNSAFE_TEXT_KEY];
        out[k] = walk(item, [...path, k]);
      }
      return out;
    }
    return v;
  };
  const value = walk(raw, []);
  return Object.keys(fieldErrors).length ? { ok: false, fieldErrors } : { ok: true, value };
}

/**
 * A zod string that refuses NUL and lone surrogates (`validation.unsafeText`) and drops bidi controls.
 * Stays a ZodString, so `.trim().min().max()` chain as usual.
 */
export function safeString(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .refine((s) => unsafeReason(s) === null, { error: UNSAFE_TEXT_KEY })
    .overwrite(stripBidi);
}

/** A URL value (route or search parameter) as text, or undefined when it is missing or not storable. */
export function safeParam(v: string | string[] | undefined): string | undefined {
  const first = Array.isArray(v) ? v[0] : v;
  if (first === undefined || unsafeReason(first)) return undefined;
  return stripBidi(first);
}

// Line breaks of every kind, other C0/C1 controls and DEL: none belongs in a one-line mail header.
const HEADER_BREAKERS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;
const BODY_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * One line for a mail header (subject, display name): whatever was typed — CR/LF included — cannot start a
 * header of its own. Whitespace collapsed, bounded.
 */
export function mailHeaderText(s: string, maxLength = 250): string {
  return scrubText(s).replace(HEADER_BREAKERS, ' ').replace(/\s{2,}/g, ' ').trim().slice(0, maxLength);
}

/** A plain-text mail body: line breaks normalised to LF, other control characters and bidi controls dropped. */
export function mailBodyText(s: string): string {
  return scrubText(s).replace(/\r\n?/g, '\n').replace(BODY_CONTROLS, '');
}

/** One plain address (no display name, list, comment or line break), or null. */
export function singleMailAddress(s: string): string | null {
  const v = s.trim();
  return /^[^\s@,;<>()"\\]+@[^\s@,;<>()"\\]+$/.test(v) ? v : null;
}
