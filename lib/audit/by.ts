// Audit events written on someone's behalf: who (the actor) and from where (the request's origin),
// filled in once instead of spread by hand at every call site. The event row is exactly what
// recordAudit would store for the same fields (the hash chain depends on it; by.test.ts checks).
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import type { Tx } from '@/lib/db/client';
import type { AuditAction } from './actions';
import { type AuditInput, type Origin, recordAudit, recordAuditNow } from './record';

export type AuditEvent = Omit<AuditInput, 'actorId' | 'actorEmail' | 'ip' | 'userAgent'>;
type Who = Pick<Actor, 'userId' | 'email'>;

/** An event by `actor` from `origin`, in the transaction that makes the change. */
export function auditBy(tx: Tx, actor: Who, origin: Origin, event: AuditEvent): Promise<void> {
  return recordAudit(tx, { ...event, actorId: actor.userId, actorEmail: actor.email, ...origin });
}

/** The same, in a transaction of its own (events not part of a larger change: reads, exports, dry runs). */
export function auditByNow(actor: Who, origin: Origin, event: AuditEvent): Promise<void> {
  return recordAuditNow({ ...event, actorId: actor.userId, actorEmail: actor.email, ...origin });
}

/** An event about one disclosure (its id and institution), by `actor` from `origin`. */
export function auditDisclosure(
  tx: Tx,
  actor: Who,
  origin: Origin,
  disclosure: { id: string; institutionId: string },
  action: AuditAction,
  details: Record<string, unknown>,
): Promise<void> {
  return auditBy(tx, actor, origin, { action, entityType: 'Disclosure', entityId: disclosure.id, institutionId: disclosure.institutionId, details });
}
