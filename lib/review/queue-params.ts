// The review queue's view as URL search parameters: filters, search, sort and the keyset cursor. One
// schema, parsed by the page (from searchParams), the filter form's links and the tests. A bookmarked
// URL with an outdated or hand-edited value still opens: an invalid value is dropped, not an error.
// Pure: no server imports.
import { z } from 'zod';
import { type SearchParamsInput, searchParamRecord } from '@/lib/security/url-params';

export const QUEUE_STATUSES = ['SUBMITTED', 'UNDER_REVIEW', 'RESUBMITTED', 'RETURNED', 'APPROVED', 'FLAGGED'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];
/** "Open work": what the queue shows when no status is chosen. */
export const OPEN_STATUSES: readonly QueueStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'RESUBMITTED'];

/** Severity buckets: the disclosure's highest finding severity, or none. */
export const SEVERITY_FILTERS = ['FLAG', 'REVIEW', 'INFO', 'NONE'] as const;
export type SeverityFilter = (typeof SEVERITY_FILTERS)[number];

export const QUEUE_SORTS = ['oldest', 'newest', 'severity', 'deadline'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export const WATCH_FILTERS = ['any', 'pending', 'confirmed'] as const;
export type WatchFilter = (typeof WATCH_FILTERS)[number];

export const PAGE_SIZE = 50;

const uuid = z.uuid();
const one = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const many = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : String(v).split(','));

/** A value from the URL, or undefined when absent or not valid. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => {
    const x = one(v);
    return x === '' ? undefined : x;
  }, schema.optional().catch(undefined));
}

/** A repeated (or comma-separated) parameter; values not in the list are dropped. */
function list<const V extends readonly [string, ...string[]]>(values: V) {
  return z.preprocess(
    (v) => [...new Set(many(v).map(String).filter((x) => (values as readonly string[]).includes(x)))],
    z.array(z.enum(values)),
  );
}

export const queueParamsSchema = z.object({
  cycle: optional(uuid),
  status: list(QUEUE_STATUSES),
  severity: list(SEVERITY_FILTERS),
  /** A rule code: disclosures with a current (not superseded) finding of that rule. */
  rule: optional(z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/)),
  dept: optional(uuid),
  /** 'me', 'none' (unassigned), or an officer's id. */
  assignee: optional(z.union([z.literal('me'), z.literal('none'), uuid])),
  watch: optional(z.enum(WATCH_FILTERS)),
  /** Researcher or organisation name. */
  q: optional(z.string().trim().min(1).max(100)),
  sort: optional(z.enum(QUEUE_SORTS)),
  cursor: optional(z.string().regex(/^[A-Za-z0-9_-]{1,600}$/)),
});

export type QueueParams = z.infer<typeof queueParamsSchema>;
export type { SearchParamsInput };

export function parseQueueParams(input: SearchParamsInput): QueueParams {
  // Unsafe values are dropped by the shared URL path, so they read as absent like any invalid value.
  const record = Object.fromEntries(Object.entries(searchParamRecord(input)).map(([k, vs]) => [k, vs.length === 1 ? vs[0]! : vs]));
  return queueParamsSchema.parse(record);
}

/** The statuses a view shows: the chosen ones, or open work. */
export function statusesOf(p: Pick<QueueParams, 'status'>): readonly QueueStatus[] {
  return p.status.length ? p.status : OPEN_STATUSES;
}

export function sortOf(p: Pick<QueueParams, 'sort'>): QueueSort {
  return p.sort ?? 'oldest';
}

/** The URL query of a view (the cursor left out unless given), in a stable order. */
export function queueQueryString(p: Partial<QueueParams>, o: { cursor?: string | null } = {}): string {
  const s = new URLSearchParams();
  if (p.cycle) s.set('cycle', p.cycle);
  for (const v of p.status ?? []) s.append('status', v);
  for (const v of p.severity ?? []) s.append('severity', v);
  if (p.rule) s.set('rule', p.rule);
  if (p.dept) s.set('dept', p.dept);
  if (p.assignee) s.set('assignee', p.assignee);
  if (p.watch) s.set('watch', p.watch);
  if (p.q) s.set('q', p.q);
  if (p.sort && p.sort !== 'oldest') s.set('sort', p.sort);
  if (o.cursor) s.set('cursor', o.cursor);
  const text = s.toString();
  return text ? `?${text}` : '';
}

/**
 * The keyset cursor: the sort, the bucket of the last row (severity or cycle; 'all' for age), its
 * lastSubmittedAt as PostgreSQL printed it (microseconds kept) and its id. Opaque to the user.
 */
export interface QueueCursor {
  sort: QueueSort;
  bucket: string;
  at: string;
  id: string;
}

const cursorSchema = z.object({
  s: z.enum(QUEUE_SORTS),
  b: z.string().max(64),
  t: z.string().max(64).regex(/^\d{4}-\d{2}-\d{2}[ T][\d:.]+([+-]\d{2}(:?\d{2})?|Z)?$/),
  i: uuid,
});

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (ch) => ch.charCodeAt(0)));
}

export function encodeCursor(c: QueueCursor): string {
  return toBase64Url(JSON.stringify({ s: c.sort, b: c.bucket, t: c.at, i: c.id }));
}

/** The cursor, or null when it is missing, malformed, or made for another sort (then: first page). */
export function decodeCursor(text: string | undefined, sort: QueueSort): QueueCursor | null {
  if (!text) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(fromBase64Url(text)));
    if (!parsed.success || parsed.data.s !== sort) return null;
    return { sort: parsed.data.s, bucket: parsed.data.b, at: parsed.data.t, id: parsed.data.i };
  } catch {
    return null;
  }
}
