// The guards every entry point shares, with no Next.js imports so that actions, route handlers, pages
// and domain code decide "system administrator" and write "denied" the same way. Pages wrap these in
// lib/auth/actor.ts (redirect / notFound()); actions in lib/actions/action.ts; routes in lib/route.
import 'server-only';
import { type AuditInput, type Origin, recordAuditNow } from '@/lib/audit/record';
import { NotFoundError } from '@/lib/errors';
import { type Actor, institutionsFor } from './roles';

/** An ADMIN membership with allInstitutions: national configuration, every institution, API tokens. */
export function isSystemAdmin(actor: Pick<Actor, 'memberships'>): boolean {
  return institutionsFor(actor, 'ADMIN') === 'all';
}

/** For domain code: the same NotFoundError as a missing record unless the actor is a system administrator. */
export function assertSystemAdmin(actor: Pick<Actor, 'memberships'>, resource: string): void {
  if (!isSystemAdmin(actor)) throw new NotFoundError(resource);
}

/** The record, or the NotFoundError every wrapper turns into the audited 404. */
export function loadOr404<T>(record: T | null | undefined, resource: string): T {
  if (record === null || record === undefined) throw new NotFoundError(resource);
  return record;
}

/**
 * The one audit event of a refused access ("not yours" answered as "not found"). `details` says what was
 * refused in the caller's terms (a permission, an action name, an endpoint) and is stored as given.
 */
export async function recordDenied(
  actor: Pick<Actor, 'userId' | 'email'> | null,
  origin: Origin,
  details: Record<string, unknown>,
  entity: Pick<AuditInput, 'entityType' | 'entityId' | 'institutionId'> = {},
): Promise<void> {
  await recordAuditNow({
    action: 'access.denied',
    outcome: 'DENIED',
    actorId: actor?.userId ?? null,
    actorEmail: actor?.email ?? null,
    ...entity,
    ...origin,
    details,
  });
}
