// Walks the audit chain in order and reports the first broken link. Reads in pages so memory stays flat.
import 'server-only';
import { db } from '@/lib/db/client';
import { GENESIS_HASH, eventHash } from './hash';

export interface ChainReport {
  ok: boolean;
  checked: number;
  headHash: string;
  brokenAt?: { id: string; reason: 'prev-hash-mismatch' | 'hash-mismatch' };
}

export async function verifyAuditChain({ pageSize = 5000 } = {}): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let checked = 0;
  let after = BigInt(0);
  for (;;) {
    const page = await db.auditEvent.findMany({ where: { id: { gt: after } }, orderBy: { id: 'asc' }, take: pageSize });
    if (!page.length) return { ok: true, checked, headHash: prev };
    for (const e of page) {
      if (e.prevHash !== prev) return { ok: false, checked, headHash: prev, brokenAt: { id: e.id.toString(), reason: 'prev-hash-mismatch' } };
      const expected = eventHash(prev, {
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
      if (expected !== e.hash) return { ok: false, checked, headHash: prev, brokenAt: { id: e.id.toString(), reason: 'hash-mismatch' } };
      prev = e.hash;
      checked++;
      after = e.id;
    }
  }
}

/** The newest event's hash: printed in export footers so a file can be tied to the chain. */
export async function auditHeadHash(): Promise<string> {
  const last = await db.auditEvent.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
  return last?.hash ?? GENESIS_HASH;
}
