// The review queue of an officer: one page of disclosures in their review scope, filtered and sorted as
// the URL says, with the cursor of the next page (keyset; see queue-query.ts for the statement).
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { type QueueParams, PAGE_SIZE, type QueueStatus, decodeCursor, encodeCursor, sortOf } from './queue-params';
import { type ConfirmedKeys, type CycleBucket, queueQuery } from './queue-query';
import { institutionWhere } from './scope';

export interface QueueRow {
  id: string;
  researcherName: string;
  status: QueueStatus;
  stateVersion: number;
  maxSeverity: 'INFO' | 'REVIEW' | 'FLAG' | null;
  findingCount: number;
  pendingMatches: number;
  lastSubmittedAt: Date;
  cycle: { id: string; code: string; reviewDeadline: Date };
  department: { nameJa: string; nameEn: string } | null;
  assignee: { id: string; displayName: string } | null;
}

export interface QueuePage {
  rows: QueueRow[];
  /** The cursor of the next page, or null on the last one. */
  nextCursor: string | null;
}

interface RawRow {
  id: string;
  researcherName: string;
  status: QueueStatus;
  stateVersion: number;
  maxSeverity: QueueRow['maxSeverity'];
  findingCount: number;
  pendingMatches: number;
  lastSubmittedAt: Date;
  cursorAt: string;
  bucket: number;
  cycleId: string;
  cycleCode: string;
  reviewDeadline: Date;
  departmentJa: string | null;
  departmentEn: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
}

/** Cycles of the institutions in scope: the deadline sort's buckets. */
export async function scopedCycles(actor: Actor): Promise<CycleBucket[]> {
  return db.disclosureCycle.findMany({ where: institutionWhere(actor), select: { id: true, reviewDeadline: true } });
}

/**
 * Organisation keys whose watchlist match an institution in the actor's review scope confirmed, per
 * institution (a short list: confirmations are rare). A confirmation counts only for its own institution.
 */
export async function confirmedKeys(actor: Actor): Promise<ConfirmedKeys> {
  const rows = await db.matchDecision.findMany({
    where: { status: 'CONFIRMED', ...institutionWhere(actor) },
    distinct: ['institutionId', 'matchId'],
    select: { institutionId: true, match: { select: { organisationKey: true } } },
  });
  const out = new Map<string, { names: Set<string>; entities: Set<string> }>();
  for (const { institutionId, match } of rows) {
    const keys = out.get(institutionId) ?? out.set(institutionId, { names: new Set(), entities: new Set() }).get(institutionId)!;
    const key = match.organisationKey;
    if (key.startsWith('name:')) keys.names.add(key.slice('name:'.length));
    else if (key.startsWith('entity:')) keys.entities.add(key.slice('entity:'.length));
  }
  return [...out].map(([institutionId, k]) => ({ institutionId, names: [...k.names], entities: [...k.entities] }));
}

export async function listQueue(actor: Actor, params: QueueParams, o: { pageSize?: number } = {}): Promise<QueuePage> {
  const pageSize = o.pageSize ?? PAGE_SIZE;
  const sort = sortOf(params);
  const [cycles, confirmed] = await Promise.all([
    sort === 'deadline' ? scopedCycles(actor) : [],
    params.watch && params.watch !== 'pending' ? confirmedKeys(actor) : undefined,
  ]);
  const { sql, buckets } = queueQuery(actor, params, { cursor: decodeCursor(params.cursor, sort), cycles, limit: pageSize + 1, confirmed });
  const raw = await db.$queryRaw<RawRow[]>(sql);
  const shown = raw.slice(0, pageSize);
  const last = shown[shown.length - 1];
  const nextCursor =
    raw.length > pageSize && last
      ? encodeCursor({ sort, bucket: buckets[last.bucket]!.key, at: last.cursorAt, id: last.id })
      : null;
  return {
    rows: shown.map((r) => ({
      id: r.id,
      researcherName: r.researcherName,
      status: r.status,
      stateVersion: r.stateVersion,
      maxSeverity: r.maxSeverity,
      findingCount: r.findingCount,
      pendingMatches: r.pendingMatches,
      lastSubmittedAt: r.lastSubmittedAt,
      cycle: { id: r.cycleId, code: r.cycleCode, reviewDeadline: r.reviewDeadline },
      department: r.departmentJa !== null ? { nameJa: r.departmentJa, nameEn: r.departmentEn ?? r.departmentJa } : null,
      assignee: r.assigneeId ? { id: r.assigneeId, displayName: r.assigneeName ?? '' } : null,
    })),
    nextCursor,
  };
}
