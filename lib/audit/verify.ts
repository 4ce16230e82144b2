// Verification of the sealed chain: from a starting seal (GENESIS for a full run, a checkpoint for an
// incremental one) through every later seal, re-reading each seal's events in (xid, id) order and
// recomputing every event hash, every per-month fold and every seal hash. Reads in pages: memory stays
// flat and cost is proportional to what is verified. See README.md for what each reason means.
import 'server-only';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { GENESIS_HASH, type HashedFields, type SealParts, canonicalJson, eventHash, foldEvent, monthOf, sealHash } from './hash';
import { NO_SEAL, type SealHead, latestSeal, sealPending } from './seal';

export type BreakReason =
  | 'hash-mismatch' // an event's content does not match its hash: it was edited
  | 'seal-mismatch' // a seal's events do not fold to what it recorded: one was removed, added, reordered or renumbered
  | 'seal-hash' // a seal's own record was altered
  | 'seal-link' // a seal does not link to the one before it, or one is missing
  | 'checkpoint-mismatch' // the seal a checkpoint verified is no longer what it was
  | 'partition-missing'; // a verified month has no events left and was never retired (truncated, detached, dropped)

export interface ChainReport {
  ok: boolean;
  /** Events verified in this run. */
  checked: number;
  seals: number;
  headSeq: string;
  headHash: string;
  /** The last event id covered by the head seal. */
  lastId: string;
  brokenAt?: { id: string; reason: BreakReason; seal?: string; month?: string };
}

export interface VerifyOptions {
  pageSize?: number;
  onProgress?: (p: { seals: number; events: number; seq: bigint }) => void;
}

/** An event as read back: the hashed fields (one definition, in hash.ts) and where it sits in the trail. */
interface EventRow extends HashedFields {
  id: bigint;
  xid: bigint;
  hash: string;
  prevHash: string | null;
  details: Prisma.JsonValue;
}

/** Reads events after a bound in (xid, id) order, a page at a time. */
class EventCursor {
  private buf: EventRow[] = [];
  private done = false;
  constructor(
    private bound: { lastXid: bigint; lastId: bigint },
    private pageSize: number,
  ) {}
  async peek(): Promise<EventRow | undefined> {
    if (!this.buf.length && !this.done) {
      this.buf = await db.$queryRaw<EventRow[]>`SELECT "id", "xid", "hash", "prevHash", "occurredAt", "actorId"::text, "actorEmail", "action",
          "entityType", "entityId", "institutionId"::text, "outcome"::text, "ip", "userAgent", "details"
        FROM "AuditEvent" WHERE ("xid", "id") > (${this.bound.lastXid}, ${this.bound.lastId}) ORDER BY "xid", "id" LIMIT ${this.pageSize}`;
      if (this.buf.length < this.pageSize) this.done = true;
      const last = this.buf[this.buf.length - 1];
      if (last) this.bound = { lastXid: last.xid, lastId: last.id };
    }
    return this.buf[0];
  }
  shift(): void {
    this.buf.shift();
  }
}

const atOrBefore = (e: { xid: bigint; id: bigint }, b: { lastXid: bigint; lastId: bigint }) => e.xid < b.lastXid || (e.xid === b.lastXid && e.id <= b.lastId);

async function retiredMonths(): Promise<Set<string>> {
  return new Set((await db.auditRetiredMonth.findMany({ select: { month: true } })).map((m) => m.month));
}

/** Verifies every seal after `start`, and the events they cover. */
export async function verifyFrom(start: SealHead, { pageSize = 5000, onProgress }: VerifyOptions = {}): Promise<ChainReport> {
  const retired = await retiredMonths();
  const cursor = new EventCursor(start, pageSize);
  let prev = start;
  let checked = 0;
  let seals = 0;
  const report = (brokenAt?: ChainReport['brokenAt']): ChainReport => ({
    ok: !brokenAt,
    checked,
    seals,
    headSeq: prev.seq.toString(),
    headHash: prev.hash,
    lastId: prev.lastId.toString(),
    ...(brokenAt ? { brokenAt } : {}),
  });
  for (;;) {
    const page = await db.auditSeal.findMany({ where: { seq: { gt: prev.seq } }, orderBy: { seq: 'asc' }, take: 1000 });
    if (!page.length) {
      // Events below the head's bound that no seal claims (added after sealing) show as a mismatch of the head.
      return report();
    }
    for (const s of page) {
      const seq = s.seq.toString();
      const firstId = async () => ((await cursor.peek())?.id ?? s.lastId).toString();
      if (s.seq !== prev.seq + BigInt(1) || s.prevHash !== prev.hash) return report({ id: await firstId(), seal: seq, reason: 'seal-link' });
      const parts = s.parts as unknown as SealParts;
      if (s.hash !== sealHash(s.prevHash, { seq: s.seq, lastXid: s.lastXid, lastId: s.lastId, count: s.count, parts })) {
        return report({ id: await firstId(), seal: seq, reason: 'seal-hash' });
      }
      const computed: SealParts = {};
      const first = await firstId();
      for (let e = await cursor.peek(); e && atOrBefore(e, s); e = await cursor.peek()) {
        cursor.shift();
        const expected = eventHash(e.prevHash ?? GENESIS_HASH, {
          occurredAt: e.occurredAt,
          actorId: e.actorId,
          actorEmail: e.actorEmail,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          institutionId: e.institutionId,
          outcome: e.outcome,
          ip: e.ip,
          userAgent: e.userAgent,
          details: e.details,
        });
        if (expected !== e.hash) return report({ id: e.id.toString(), reason: 'hash-mismatch' });
        const p = (computed[monthOf(e.occurredAt)] ??= { count: 0, hash: GENESIS_HASH });
        p.hash = foldEvent(p.hash, e);
        p.count++;
        checked++;
      }
      // A retired month's part is taken as recorded: its events were removed under the retention policy.
      for (const m of Object.keys(parts)) if (retired.has(m)) computed[m] = parts[m]!;
      const total = Object.values(parts).reduce((n, p) => n + p.count, 0);
      if (canonicalJson(computed) !== canonicalJson(parts) || total !== s.count) return report({ id: first, seal: seq, reason: 'seal-mismatch' });
      prev = { seq: s.seq, hash: s.hash, lastXid: s.lastXid, lastId: s.lastId };
      seals++;
      if (onProgress && seals % 100 === 0) onProgress({ seals, events: checked, seq: s.seq });
    }
  }
}

/** Full verification from the first seal (CLI, weekly job). Seals what is pending first, so it covers everything committed. */
export async function verifyAuditChain(o: VerifyOptions = {}): Promise<ChainReport> {
  await sealPending();
  return verifyFrom(NO_SEAL, o);
}

/** The head of the sealed chain, printed in export footers: "#<seq> <hash>". */
export async function auditHeadHash(): Promise<string> {
  const head = await latestSeal();
  return `#${head.seq} ${head.hash}`;
}

/** Seals what is pending, then names the head: every event committed before the call is under it. */
export async function sealedAuditHead(): Promise<string> {
  await sealPending();
  return auditHeadHash();
}
