// The parameters of every report and record list, in one schema shared by the pages (URL search
// params), the exports (task params) and the API (query strings). A figure links to its records by
// adding its own keys (status, country, talent, …) to the report's parameters.
import { z } from 'zod';
import { booleanParam } from '@/lib/params/boolean';
import { type SearchParamsInput, searchParamRecord } from '@/lib/security/url-params';

export const STATUSES = ['DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'RETURNED', 'RESUBMITTED', 'APPROVED', 'FLAGGED'] as const;
export const SEVERITIES = ['FLAG', 'REVIEW', 'INFO', 'NONE'] as const;
export const TALENT_FIGURES = ['any', 'grants', 'group', 'watchlist'] as const;
/** Watchlist membership: listed now (default), or listed at some time during the report's fiscal year. */
export const LISTED = ['now', 'then'] as const;

export const DEFAULT_THRESHOLD_JPY = 100_000_000n;
export const DEFAULT_WINDOW_YEARS = 10;

/** Limits the parsers below enforce; the read API's document states the same numbers (lib/api/query-schemas.ts). */
export const LIMITS = {
  fiscalYear: { min: 2000, max: 2100 },
  institutions: 500,
  thresholdDigits: 15,
  window: { min: 1, max: 30 },
  programme: 300,
  rule: 100,
} as const;
/** Watchlist codes (group and watchlist parameters). */
export const LIST_CODE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,99}$/;

const uuid = z.uuid();
const flag = booleanParam;
const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : Number(v)), z.number().int().min(min).max(max).optional());

export const reportParamsSchema = z.object({
  /** Cycles of every institution with this fiscal year are reported together. */
  fiscalYear: optionalInt(LIMITS.fiscalYear.min, LIMITS.fiscalYear.max),
  /** The scope selector: a subset of the viewer's institutions (empty: all of them). */
  institutionIds: z.array(uuid).max(LIMITS.institutions).default([]),
  /** The "for publication" variant: no names, counts below the minimum suppressed. */
  publication: flag.default(false),
  /** Talent-grants report: grants total above this many yen… */
  threshold: z
    .preprocess((v) => (v === '' || v === undefined || v === null ? undefined : String(v).replace(/[,_\s]/g, '')), z.string().regex(new RegExp(`^\\d{1,${LIMITS.thresholdDigits}}$`)).optional())
    .transform((v) => (v === undefined ? DEFAULT_THRESHOLD_JPY : BigInt(v))),
  /** …over this many fiscal years ending with the report's year. */
  window: optionalInt(LIMITS.window.min, LIMITS.window.max).transform((v) => v ?? DEFAULT_WINDOW_YEARS),
  /** Code of the GROUP watchlist (e.g. the SASTIND universities); default from settings. */
  group: z.string().regex(LIST_CODE_PATTERN).optional(),
});

export type ReportParams = z.infer<typeof reportParamsSchema>;

/** The keys a figure adds to select the records behind it. */
export const figureSchema = z.object({
  status: z.enum(STATUSES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  institution: uuid.optional(),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  programme: z.string().min(1).max(LIMITS.programme).optional(),
  rule: z.string().min(1).max(LIMITS.rule).optional(),
  flagged: flag.optional(),
  submitted: flag.optional(),
  talent: z.enum(TALENT_FIGURES).optional(),
  /** At one entry of the group list (an organisation such as Beihang); combines with every other key. */
  entry: uuid.optional(),
  /** Names an organisation matched to this watchlist (by code); combines with every other key. */
  watchlist: z.string().regex(LIST_CODE_PATTERN).optional(),
  /** For the watchlist keys: listed now (default) or at the time (during the fiscal year). */
  listed: z.enum(LISTED).optional(),
});

export type Figure = z.infer<typeof figureSchema>;

export const recordFilterSchema = reportParamsSchema.extend(figureSchema.shape);
export type RecordFilter = z.infer<typeof recordFilterSchema>;

type SearchParams = SearchParamsInput;

/** URL keys: short, stable, documented in the OpenAPI file. */
function rawFrom(params: SearchParams): Record<string, unknown> {
  // Unsafe values (NUL, lone surrogates) are dropped here, so they read as absent like any bad value.
  const record = searchParamRecord(params);
  const getAll = (key: string) => record[key] ?? [];
  const first = (key: string) => getAll(key)[0];
  return {
    fiscalYear: first('fy') ?? first('fiscalYear'),
    institutionIds: [...getAll('inst'), ...getAll('institutionId')],
    publication: first('pub') ?? first('publication'),
    threshold: first('threshold'),
    window: first('window'),
    group: first('group') || undefined,
    status: first('status') || undefined,
    severity: first('severity') || undefined,
    institution: first('institution') || undefined,
    country: first('country') || undefined,
    programme: first('programme') || undefined,
    rule: first('rule') || undefined,
    flagged: first('flagged') || undefined,
    submitted: first('submitted') || undefined,
    talent: first('talent') || undefined,
    entry: first('entry') || undefined,
    watchlist: first('watchlist') || undefined,
    listed: first('listed') || undefined,
  };
}

export function parseRecordFilter(params: SearchParams) {
  return recordFilterSchema.safeParse(rawFrom(params));
}

/** The URL query of a filter (only what differs from the defaults). */
export function filterQuery(f: Partial<RecordFilter>): string {
  const q = new URLSearchParams();
  if (f.fiscalYear !== undefined) q.set('fy', String(f.fiscalYear));
  for (const id of f.institutionIds ?? []) q.append('inst', id);
  if (f.publication) q.set('pub', 'true');
  if (f.threshold !== undefined && f.threshold !== DEFAULT_THRESHOLD_JPY) q.set('threshold', f.threshold.toString());
  if (f.window !== undefined && f.window !== DEFAULT_WINDOW_YEARS) q.set('window', String(f.window));
  if (f.group) q.set('group', f.group);
  const keys = ['status', 'severity', 'institution', 'country', 'programme', 'rule', 'talent', 'entry', 'watchlist', 'listed'] as const;
  for (const key of keys) if (f[key]) q.set(key, String(f[key]));
  if (f.flagged) q.set('flagged', 'true');
  if (f.submitted) q.set('submitted', 'true');
  return q.toString();
}

/** The filter without its figure keys: the report a record list belongs to. */
export function reportPart(f: RecordFilter): ReportParams {
  const { fiscalYear, institutionIds, publication, threshold, window, group } = f;
  return { fiscalYear, institutionIds, publication, threshold, window, group };
}

/** The filter's figure keys alone (status, entry, watchlist, listed, …): what narrows a report's figures. */
export function figurePart(f: Partial<RecordFilter>): Figure {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(figureSchema.shape) as (keyof Figure)[]) if (f[key] !== undefined) out[key] = f[key];
  return out as Figure;
}

/** A plain JSON form (bigint as a string) for task params and audit details. */
export function filterToJson(f: Partial<RecordFilter>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(f)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([k, v]) => [k, typeof v === 'bigint' ? v.toString() : v]),
  );
}

export function filterFromJson(json: unknown): RecordFilter {
  return recordFilterSchema.parse(json ?? {});
}
