// Refusals of a change the actor may see but not make (editing a submitted disclosure, deleting a
// frozen attachment): the action answers with a specific message and the attempt is audited. The audit
// event is written after the refused transaction has rolled back, in its own.
import 'server-only';
import { ActionError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import type { AuditAction } from '@/lib/audit/actions';
import { type AuditInput, recordAuditNow } from '@/lib/audit/record';
import type { Origin } from './scope';

export class RefusedError extends ActionError {
  constructor(
    key: string,
    readonly audit: AuditInput,
    details?: Record<string, unknown>,
  ) {
    super(key, undefined, details);
  }
}

export function refusal(
  key: string,
  actor: Actor,
  origin: Origin,
  target: { action: AuditAction; entityType: string; entityId: string; institutionId: string; reason: string },
  details?: Record<string, unknown>,
): RefusedError {
  return new RefusedError(
    key,
    {
      action: target.action,
      outcome: 'DENIED',
      actorId: actor.userId,
      actorEmail: actor.email,
      entityType: target.entityType,
      entityId: target.entityId,
      institutionId: target.institutionId,
      ...origin,
      details: { reason: target.reason },
    },
    details,
  );
}

export async function auditRefusals<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof RefusedError) await recordAuditNow(err.audit);
    throw err;
  }
}
