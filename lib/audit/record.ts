// Writing audit events. Call inside the transaction that makes the change, so the event and the change
// commit or roll back together. Writing takes no lock: the event carries its own hash and its
// transaction's id (column default), and the sealer (seal.ts) links it into the chain after commit.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import type { AuditOutcome } from '@/lib/generated/prisma/enums';
import { scrubJson, scrubText } from '@/lib/security/sanitise';
import type { AuditAction } from './actions';
import { GENESIS_HASH, eventHash } from './hash';

export interface AuditInput {
  action: AuditAction;
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const text = (v: string | null | undefined, max: number) => (v == null ? null : scrubText(v, max));
const uuidOrNull = (v: string | null | undefined) => (v && UUID.test(v) ? v : null);

/**
 * The event as it can always be stored: what an attacker typed (an email, a path, a header, a form
 * value) may hold NUL, lone surrogates, bidi controls or a megabyte of text, and a denial must still be
 * audited, so nothing here refuses. Ids that are not UUIDs move into the details instead of failing.
 */
function storable(input: AuditInput): AuditInput {
  const badIds = Object.fromEntries(
    (['actorId', 'institutionId'] as const).filter((k) => input[k] && !UUID.test(input[k])).map((k) => [k, input[k]]),
  );
  return {
    // A listed code (the type says so); scrubbed all the same, as the type is not checked at run time.
    action: scrubText(input.action, 100) as AuditAction,
    outcome: input.outcome,
    actorId: uuidOrNull(input.actorId),
    actorEmail: text(input.actorEmail, 320),
    entityType: text(input.entityType, 100),
    entityId: text(input.entityId, 200),
    institutionId: uuidOrNull(input.institutionId),
    ip: text(input.ip, 64),
    userAgent: text(input.userAgent, 300),
    details: scrubJson({ ...input.details, ...(Object.keys(badIds).length ? { invalidIds: badIds } : {}) }) as Record<string, unknown>,
  };
}

export async function recordAudit(tx: Tx, raw: AuditInput): Promise<void> {
  const input = storable(raw);
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
  // One plain INSERT: Prisma's createMany costs several times more round trips on this path, and
  // every audited write in the country pays it. id, xid come from their column defaults.
  await tx.$executeRaw`INSERT INTO "AuditEvent" ("occurredAt", "actorId", "actorEmail", "action", "entityType", "entityId", "institutionId",
      "outcome", "ip", "userAgent", "details", "hash")
    VALUES (${fields.occurredAt}, ${fields.actorId}::uuid, ${fields.actorEmail}, ${fields.action}, ${fields.entityType}, ${fields.entityId},
      ${fields.institutionId}::uuid, ${fields.outcome}::"AuditOutcome", ${fields.ip}, ${fields.userAgent}, ${JSON.stringify(fields.details)}::jsonb,
      ${eventHash(GENESIS_HASH, fields)})`;
}

/**
 * For events that are not part of a larger change (sign-in, denied access, exports). It waits up to 10 s
 * for a pooled connection (Prisma's default is 2 s): a burst of denials must still be audited, not 500.
 */
export async function recordAuditNow(input: AuditInput): Promise<void> {
  await db.$transaction((tx) => recordAudit(tx, input), { maxWait: 10_000 });
}
