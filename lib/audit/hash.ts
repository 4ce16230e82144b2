// The audit chain's hash: SHA-256 over the predecessor's hash and a canonical JSON of the event, so
// changing, removing or reordering any event breaks every link after it.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  occurredAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  institutionId: string | null;
  outcome: string;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every depth, so equal values always serialise identically. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(prevHash: string, e: HashedFields): string {
  const body = canonicalJson({ ...e, occurredAt: e.occurredAt.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
