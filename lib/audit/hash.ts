// The audit trail's hashes. An event's own hash covers its canonical JSON (and, for events written before
// sealing existed, its predecessor's hash). A seal folds the events it covers, in (xid, id) order and per
// month, and links to the previous seal, so changing, removing, adding or reordering any sealed event
// breaks its seal, and changing a seal breaks every seal after it. See lib/audit/README.md.
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

const sha256 = (...parts: string[]) => {
  const h = createHash('sha256');
  parts.forEach((p, i) => h.update(i ? `\n${p}` : p));
  return h.digest('hex');
};

/** An event's hash. New events use GENESIS_HASH as prevHash (they are not chained to each other). */
export function eventHash(prevHash: string, e: HashedFields): string {
  return sha256(prevHash, canonicalJson({ ...e, occurredAt: e.occurredAt.toISOString() }));
}

/** One step of a seal's per-month fold: the position (xid, id) is folded in, so renumbering shows. */
export function foldEvent(acc: string, e: { id: bigint; xid: bigint; hash: string }): string {
  return sha256(acc, `${e.xid}:${e.id}:${e.hash}`);
}

export type SealParts = Record<string, { count: number; hash: string }>;

export interface SealBody {
  seq: bigint;
  lastXid: bigint;
  lastId: bigint;
  count: number;
  parts: SealParts;
}

export function sealHash(prevHash: string, s: SealBody): string {
  return sha256(prevHash, canonicalJson({ seq: s.seq.toString(), lastXid: s.lastXid.toString(), lastId: s.lastId.toString(), count: s.count, parts: s.parts }));
}

/** The partition month of an event: "YYYY-MM" in UTC, as the partitions are cut. */
export function monthOf(d: Date): string {
  return d.toISOString().slice(0, 7);
}

/** Folds events (already in (xid, id) order) into per-month parts. */
export function foldParts(events: Iterable<{ id: bigint; xid: bigint; hash: string; occurredAt: Date }>): SealParts {
  const parts: SealParts = {};
  for (const e of events) {
    const p = (parts[monthOf(e.occurredAt)] ??= { count: 0, hash: GENESIS_HASH });
    p.hash = foldEvent(p.hash, e);
    p.count++;
  }
  return parts;
}
