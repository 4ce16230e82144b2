// The one validated path for what arrives in a URL. Two layers:
// - `urlRefusal` runs in proxy.ts for every request: a path or query that holds a NUL character or is not
//   valid percent-encoded UTF-8 is answered 400 before any route, page or parser sees it;
// - `searchParamRecord`/`firstSearchParams` are what every search-parameter parser starts from: one value
//   shape whatever Next or the URL API handed over, values PostgreSQL could not store dropped (treated as
//   absent, as the filters treat any malformed value), bidi controls removed. Then `param.*` give the
//   values whose *meaning* can be impossible (dates, 64-bit ids, bounded integers) a checked form.
// Pure: used by the proxy (edge-safe), pages, route handlers and the browser-side filter forms.
import { z } from 'zod';
import { safeParam, unsafeReason } from './sanitise';

export type SearchParamsInput = Record<string, string | string[] | undefined> | URLSearchParams;

function decodes(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

/**
 * Why a request URL is refused outright, or null. Only what no route can mean: NUL characters, lone
 * surrogates, malformed percent-encoding. Everything else is for the route's own parser to judge.
 */
export function urlRefusal(url: URL): 'malformed' | 'unsafe' | null {
  for (const segment of url.pathname.split('/')) {
    const decoded = decodes(segment);
    if (decoded === null) return 'malformed';
    if (unsafeReason(decoded)) return 'unsafe';
  }
  const query = url.search.slice(1);
  for (const part of query ? query.split('&') : []) {
    const decoded = decodes(part.replace(/\+/g, ' '));
    if (decoded === null) return 'malformed';
    if (unsafeReason(decoded)) return 'unsafe';
  }
  return null;
}

/** Every search parameter as a list of safe values (unsafe values dropped, bidi controls removed). */
export function searchParamRecord(input: SearchParamsInput): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (key: string, value: string) => {
    const k = safeParam(key);
    const v = safeParam(value);
    if (k !== undefined && v !== undefined) (out[k] ??= []).push(v);
  };
  if (input instanceof URLSearchParams) {
    for (const [k, v] of input) add(k, v);
  } else {
    for (const [k, v] of Object.entries(input)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) add(k, one);
  }
  return out;
}

/** The first safe value of each search parameter; an empty value counts as absent. */
export function firstSearchParams(input: SearchParamsInput): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(searchParamRecord(input)).map(([k, vs]) => [k, vs[0] || undefined]));
}

const INT8_MAX = 9_223_372_036_854_775_807n;

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "YYYY-MM-DDTHH:mm" that names a real minute (no month 13, day 45 or hour 99). */
export function isLocalDateTime(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return y >= 1 && isCalendarDate(y, mo, d) && h <= 23 && mi <= 59;
}

/** "YYYY-MM-DD" that names a real day. */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && Number(m[1]) >= 1 && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A positive decimal that fits PostgreSQL's bigint (ids of BigInt columns, keyset cursors). */
export function isInt8Id(s: string): boolean {
  return /^\d{1,19}$/.test(s) && BigInt(s) >= 1n && BigInt(s) <= INT8_MAX;
}

/** Checked pieces for URL schemas; each fails (so `.catch(undefined)` drops it) on an impossible value. */
export const param = {
  localDateTime: () => z.string().refine(isLocalDateTime),
  isoDay: () => z.string().refine(isIsoDay),
  int8Id: () => z.string().refine(isInt8Id),
  int: (min: number, max: number) =>
    z
      .string()
      .regex(/^-?\d{1,16}$/)
      .transform(Number)
      .pipe(z.number().int().min(min).max(max)),
};
