// The sealer: folds committed, not yet sealed events into the next AuditSeal. Only sealers take its lock;
// writers never wait for it. The invariant that makes a seal final (see README.md): a seal only covers
// events whose transaction id is below the oldest transaction still running when it looked, so no event
// can ever appear later at or before a seal's bound.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import { GENESIS_HASH, type SealParts, foldParts, sealHash } from './hash';

const SEALER_LOCK = 7_204_311_003;
export const SEAL_MAX_EVENTS = 10_000;

export interface SealedRow {
  id: bigint;
  xid: bigint;
  hash: string;
  occurredAt: Date;
}

export interface SealHead {
  seq: bigint;
  hash: string;
  lastXid: bigint;
  lastId: bigint;
}

export const NO_SEAL: SealHead = { seq: BigInt(0), hash: GENESIS_HASH, lastXid: BigInt(-1), lastId: BigInt(-1) };

export async function latestSeal(client: Pick<Tx, 'auditSeal'> = db): Promise<SealHead> {
  const s = await client.auditSeal.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true, lastXid: true, lastId: true } });
  return s ?? NO_SEAL;
}

/** Events after `bound` in seal order, at most `limit`, only those below `xidBelow` when given. */
export function eventsAfter(client: Pick<Tx, '$queryRaw'>, bound: { lastXid: bigint; lastId: bigint }, limit: number, xidBelow?: bigint) {
  return xidBelow === undefined
    ? client.$queryRaw<SealedRow[]>`SELECT "id", "xid", "hash", "occurredAt" FROM "AuditEvent"
        WHERE ("xid", "id") > (${bound.lastXid}, ${bound.lastId}) ORDER BY "xid", "id" LIMIT ${limit}`
    : client.$queryRaw<SealedRow[]>`SELECT "id", "xid", "hash", "occurredAt" FROM "AuditEvent"
        WHERE ("xid", "id") > (${bound.lastXid}, ${bound.lastId}) AND "xid" < ${xidBelow} ORDER BY "xid", "id" LIMIT ${limit}`;
}

/** Seals at most `maxEvents` events into one new seal; returns how many it sealed (0: nothing to seal). */
export async function sealOnce(maxEvents = SEAL_MAX_EVENTS): Promise<number> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEALER_LOCK}::bigint)`;
      // READ COMMITTED on purpose: the seal read after the lock sees a seal committed while we waited,
      // and the events query (a later statement, a later snapshot) sees every transaction below xmin,
      // since each of those had finished when xmin was taken.
      const last = await latestSeal(tx);
      const [snap] = await tx.$queryRaw<{ xmin: bigint }[]>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS xmin`;
      const rows = await eventsAfter(tx, last, maxEvents, snap!.xmin);
      if (!rows.length) return 0;
      const tail = rows[rows.length - 1]!;
      const parts: SealParts = foldParts(rows);
      const body = { seq: last.seq + BigInt(1), lastXid: tail.xid, lastId: tail.id, count: rows.length, parts };
      await tx.auditSeal.create({ data: { ...body, prevHash: last.hash, hash: sealHash(last.hash, body) } });
      return rows.length;
    },
    { timeout: 60_000 },
  );
}

/** Seals everything sealable now, seal after seal; returns the number of events sealed. */
export async function sealPending(maxEvents = SEAL_MAX_EVENTS): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await sealOnce(maxEvents);
    total += n;
    if (n < maxEvents) return total;
  }
}
