// Writing audit events. Call inside the transaction that makes the change, so the event and the change
// commit or roll back together. Writing takes no lock: the event carries its own hash and its
// transaction's id (column default), and the sealer (seal.ts) links it into the chain after commit.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import type { AuditOutcome } from '@/lib/generated/prisma/enums';
import { GENESIS_HASH, eventHash } from './hash';

export interface AuditInput {
  action: string;
  outcome?: AuditOutcome;
  actorId?: string | null;
  actorEmail?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  institutionId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const fields = {
    // Millisecond precision: the stored value must hash the same when read back.
    occurredAt: new Date(),
    actorId: input.actorId ?? null,
    actorEmail: input.actorEmail ?? null,
    action: input.action,
    entityType: input.entityType ?? null,
    entityId: input.entityId ?? null,
    institutionId: input.institutionId ?? null,
    outcome: input.outcome ?? 'SUCCESS',
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
    details: JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>,
  };
  await tx.auditEvent.createMany({
    data: [{ ...fields, outcome: fields.outcome as AuditOutcome, details: fields.details as object, hash: eventHash(GENESIS_HASH, fields) }],
  });
}

/** For events that are not part of a larger change (sign-in, denied access, exports). */
export async function recordAuditNow(input: AuditInput): Promise<void> {
  await db.$transaction((tx) => recordAudit(tx, input));
}
