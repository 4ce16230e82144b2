// Incremental verification: from the last good checkpoint to the head, recording a new checkpoint (good
// or broken) each run, so the audit page reads one row instead of walking the trail. Each run also checks
// that every month it has ever verified still has events (a truncated, detached or dropped partition
// shows at once); edits and deletions inside already-verified months are for the full verifier.
import 'server-only';
import { db } from '@/lib/db/client';
import type { SealParts } from './hash';
import { NO_SEAL, type SealHead, sealPending } from './seal';
import { type ChainReport, type VerifyOptions, verifyFrom } from './verify';

export type MonthCounts = Record<string, number>;

export interface CheckpointView {
  ok: boolean;
  full: boolean;
  sealSeq: string;
  sealHash: string;
  lastId: string;
  eventCount: number;
  verifiedAt: Date;
  /** When this was read, to say how old the checkpoint is. */
  readAt: Date;
  brokenId: string | null;
  brokenSeq: string | null;
  reason: string | null;
}

/** The newest checkpoint (good or broken), for the audit page: one indexed row. */
export async function latestCheckpoint(): Promise<CheckpointView | null> {
  const c = await db.auditCheckpoint.findFirst({ orderBy: { id: 'desc' } });
  if (!c) return null;
  return {
    ok: c.ok,
    full: c.full,
    sealSeq: c.sealSeq.toString(),
    sealHash: c.sealHash,
    lastId: c.lastId.toString(),
    eventCount: Number(c.eventCount),
    verifiedAt: c.verifiedAt,
    readAt: new Date(),
    brokenId: c.brokenId?.toString() ?? null,
    brokenSeq: c.brokenSeq?.toString() ?? null,
    reason: c.reason,
  };
}

/** Months verified at least once that are now empty although never retired. */
async function vanishedMonths(months: MonthCounts): Promise<string[]> {
  const retired = new Set((await db.auditRetiredMonth.findMany({ select: { month: true } })).map((m) => m.month));
  const gone: string[] = [];
  for (const m of Object.keys(months).sort()) {
    if (retired.has(m) || !months[m]) continue;
    const from = new Date(`${m}-01T00:00:00Z`);
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    const [row] = await db.$queryRaw<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM "AuditEvent" WHERE "occurredAt" >= ${from} AND "occurredAt" < ${to}) AS any`;
    if (!row?.any) gone.push(m);
  }
  return gone;
}

async function monthsOfSeals(afterSeq: bigint, upToSeq: bigint, into: MonthCounts): Promise<MonthCounts> {
  let after = afterSeq;
  for (;;) {
    const page = await db.auditSeal.findMany({ where: { seq: { gt: after, lte: upToSeq } }, orderBy: { seq: 'asc' }, take: 5000, select: { seq: true, parts: true } });
    if (!page.length) return into;
    for (const s of page) for (const [m, p] of Object.entries(s.parts as unknown as SealParts)) into[m] = (into[m] ?? 0) + p.count;
    after = page[page.length - 1]!.seq;
  }
}

async function record(report: ChainReport, o: { full: boolean; baseCount: bigint; months: MonthCounts; started: number }): Promise<ChainReport> {
  const broken = report.brokenAt;
  await db.auditCheckpoint.create({
    data: {
      sealSeq: BigInt(report.headSeq),
      sealHash: report.headHash,
      lastId: BigInt(report.lastId),
      eventCount: o.baseCount + BigInt(report.checked),
      months: o.months,
      ok: report.ok,
      full: o.full,
      brokenSeq: broken?.seal ? BigInt(broken.seal) : null,
      brokenId: broken ? BigInt(broken.id) : null,
      reason: broken?.reason ?? null,
      durationMs: Date.now() - o.started,
    },
  });
  return report;
}

/**
 * Seals what is pending, verifies from the last good checkpoint (or, with `full`, from the first seal)
 * to the head, and records the result as a checkpoint.
 */
export async function verifyAndCheckpoint(o: { full?: boolean } & VerifyOptions = {}): Promise<ChainReport> {
  const started = Date.now();
  await sealPending();
  const full = o.full ?? false;
  const base = full ? null : await db.auditCheckpoint.findFirst({ where: { ok: true }, orderBy: { id: 'desc' } });
  let start: SealHead = NO_SEAL;
  let months: MonthCounts = {};
  if (base) {
    months = { ...(base.months as MonthCounts) };
    const anchor = await db.auditSeal.findUnique({ where: { seq: base.sealSeq } });
    if (base.sealSeq > BigInt(0) && anchor?.hash !== base.sealHash) {
      const head = { ok: false, checked: 0, seals: 0, headSeq: base.sealSeq.toString(), headHash: base.sealHash, lastId: base.lastId.toString() };
      return record({ ...head, brokenAt: { id: base.lastId.toString(), seal: base.sealSeq.toString(), reason: 'checkpoint-mismatch' } }, { full, baseCount: base.eventCount, months, started });
    }
    start = { seq: base.sealSeq, hash: base.sealHash, lastXid: anchor?.lastXid ?? NO_SEAL.lastXid, lastId: base.lastId };
    const gone = await vanishedMonths(months);
    if (gone.length) {
      const head = { ok: false, checked: 0, seals: 0, headSeq: base.sealSeq.toString(), headHash: base.sealHash, lastId: base.lastId.toString() };
      return record({ ...head, brokenAt: { id: base.lastId.toString(), month: gone[0]!, reason: 'partition-missing' } }, { full, baseCount: base.eventCount, months, started });
    }
  }
  const report = await verifyFrom(start, o);
  if (report.ok) months = await monthsOfSeals(start.seq, BigInt(report.headSeq), months);
  return record(report, { full, baseCount: base?.eventCount ?? BigInt(0), months, started });
}
