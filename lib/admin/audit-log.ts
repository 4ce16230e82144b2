// The audit log viewer: filtered, newest first, keyset-paginated by id, and exported as CSV in pages so
// memory stays flat however many events match. Institution administrators see their institution's events.
import 'server-only';
import { CSV_BOM, csvLine } from '@/lib/csv/write';
import type { Actor } from '@/lib/auth/roles';
import { recordAudit, type Origin } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';

import type { AuditFilter } from './schemas/audit-filter';
import { where } from './scope';
import { fromJapanLocal } from '@/lib/time/japan';

export const AUDIT_PAGE_SIZE = 50;
const EXPORT_BATCH = 1000;

export function auditWhere(actor: Actor, f: AuditFilter): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [where.audit(actor)];
  // Equality, not "contains": emails are stored lower-cased and (actorEmail, id) is an index, so a filtered
  // page stays one index range at any size of the trail.
  if (f.actor) and.push({ actorEmail: f.actor.toLowerCase() });
  if (f.entityType) and.push({ entityType: f.entityType });
  if (f.entityId) and.push({ entityId: f.entityId });
  // "admin.user" finds admin.user.disable, admin.user.invite, …
  if (f.action) and.push({ action: { startsWith: f.action } });
  if (f.from) and.push({ occurredAt: { gte: fromJapanLocal(f.from) } });
  if (f.to) and.push({ occurredAt: { lt: new Date(fromJapanLocal(f.to).getTime() + 60_000) } });
  return { AND: and };
}

const eventSelect = {
  id: true,
  occurredAt: true,
  actorId: true,
  actorEmail: true,
  action: true,
  outcome: true,
  entityType: true,
  entityId: true,
  institutionId: true,
  ip: true,
  details: true,
} as const;

/**
 * One page, newest first. Without a time window the order is the id (the order events were written);
 * with one it is (occurredAt, id), on its own index, so a day or a month of a national trail costs one
 * page rather than a sort of the whole window. The cursor stays an id: its time is read within the
 * caller's own scope, so an id from outside it only ends the list and never tells when that event was.
 */
export async function listAuditEvents(actor: Actor, f: AuditFilter) {
  const filter = auditWhere(actor, f);
  const byTime = Boolean(f.from || f.to);
  let cursor: Prisma.AuditEventWhereInput = {};
  if (f.before && byTime) {
    const at = await db.auditEvent.findFirst({ where: { AND: [filter, { id: BigInt(f.before) }] }, select: { id: true, occurredAt: true } });
    if (!at) return { events: [], nextBefore: undefined };
    cursor = { OR: [{ occurredAt: { lt: at.occurredAt } }, { occurredAt: at.occurredAt, id: { lt: at.id } }] };
  } else if (f.before) {
    cursor = { id: { lt: BigInt(f.before) } };
  }
  const rows = await db.auditEvent.findMany({
    where: { AND: [filter, cursor] },
    orderBy: byTime ? [{ occurredAt: 'desc' }, { id: 'desc' }] : { id: 'desc' },
    take: AUDIT_PAGE_SIZE + 1,
    select: eventSelect,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({ ...r, id: r.id.toString() }));
  return { events: page, nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]?.id : undefined };
}

export const AUDIT_CSV_COLUMNS = ['id', 'occurred_at', 'actor_email', 'actor_id', 'action', 'outcome', 'entity_type', 'entity_id', 'institution_id', 'ip', 'details'] as const;

/**
 * Starts an export: fixes the set of rows (ids up to the newest now), records the `audit.export` event
 * with the filter and row count, and returns a stream of the CSV. The export's own event is not in it.
 */
export async function startAuditExport(actor: Actor, f: AuditFilter, origin: Origin): Promise<{ rows: number; stream: ReadableStream<Uint8Array> }> {
  const filter = auditWhere(actor, f);
  const rows = await db.$transaction(async (tx) => {
    const head = await tx.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    const upTo = head?.id ?? BigInt(0);
    const count = await tx.auditEvent.count({ where: { AND: [filter, { id: { lte: upTo } }] } });
    const { before: _b, ...shown } = f;
    await recordAudit(tx, { action: 'audit.export', actorId: actor.userId, actorEmail: actor.email, ...origin, details: { filter: shown, rows: count, upToId: upTo.toString() } });
    return { count, upTo };
  });
  const encoder = new TextEncoder();
  let after: bigint | null = null;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(AUDIT_CSV_COLUMNS)));
        return;
      }
      const batch = await db.auditEvent.findMany({
        where: { AND: [filter, { id: { lte: rows.upTo } }, after !== null ? { id: { lt: after } } : {}] },
        orderBy: { id: 'desc' },
        take: EXPORT_BATCH,
        select: eventSelect,
      });
      if (!batch.length) {
        controller.close();
        return;
      }
      after = batch[batch.length - 1]!.id;
      const text = batch
        .map((e) => csvLine([e.id.toString(), e.occurredAt.toISOString(), e.actorEmail, e.actorId, e.action, e.outcome, e.entityType, e.entityId, e.institutionId, e.ip, e.details]))
        .join('');
      controller.enqueue(encoder.encode(text));
    },
  });
  return { rows: rows.count, stream };
}
