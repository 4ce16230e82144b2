// What an administrator may see and change, written once as Prisma where-clauses that lists and details
// both use (so they cannot disagree). A system administrator (ADMIN with allInstitutions) reaches every
// institution; an institution administrator only theirs. Everything else is "not found".
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import { deny } from '@/lib/auth/actor';
import { type Actor, institutionsFor } from '@/lib/auth/roles';
import type { Prisma } from '@/lib/generated/prisma/client';

export type AdminScope = 'all' | string[];

export function adminScope(actor: Pick<Actor, 'memberships'>): AdminScope {
  return institutionsFor(actor, 'ADMIN');
}

export function isSystemAdmin(actor: Pick<Actor, 'memberships'>): boolean {
  return adminScope(actor) === 'all';
}

export function inScope(actor: Pick<Actor, 'memberships'>, institutionId: string | null | undefined): boolean {
  const scope = adminScope(actor);
  return scope === 'all' || (!!institutionId && scope.includes(institutionId));
}

const ids = (scope: string[]) => ({ in: scope });

export const where = {
  institution(actor: Actor): Prisma.InstitutionWhereInput {
    const s = adminScope(actor);
    return s === 'all' ? {} : { id: ids(s) };
  },
  department(actor: Actor): Prisma.DepartmentWhereInput {
    const s = adminScope(actor);
    return s === 'all' ? {} : { institutionId: ids(s) };
  },
  cycle(actor: Actor): Prisma.DisclosureCycleWhereInput {
    const s = adminScope(actor);
    return s === 'all' ? {} : { institutionId: ids(s) };
  },
  membership(actor: Actor): Prisma.MembershipWhereInput {
    const s = adminScope(actor);
    return s === 'all' ? {} : { institutionId: ids(s) };
  },
  /** People the administrator can see: a role or a researcher profile at one of their institutions. */
  user(actor: Actor): Prisma.UserWhereInput {
    const s = adminScope(actor);
    if (s === 'all') return {};
    return { OR: [{ memberships: { some: { institutionId: ids(s) } } }, { profile: { is: { institutionId: ids(s) } } }] };
  },
  /**
   * People whose whole account the administrator may change (disable, reset password or second factor):
   * visible, and with no role or profile anywhere else — an institution's administrator cannot lock a
   * person out of another institution.
   */
  manageableUser(actor: Actor): Prisma.UserWhereInput {
    const s = adminScope(actor);
    if (s === 'all') return {};
    return {
      AND: [
        where.user(actor),
        { memberships: { every: { institutionId: ids(s), allInstitutions: false } } },
        { OR: [{ profile: { is: null } }, { profile: { is: { institutionId: ids(s) } } }] },
      ],
    };
  },
  audit(actor: Actor): Prisma.AuditEventWhereInput {
    const s = adminScope(actor);
    return s === 'all' ? {} : { institutionId: ids(s) };
  },
};

/** For actions: throws the same NotFoundError as a missing record when the institution is not the actor's. */
export function assertInScope(actor: Actor, institutionId: string | null | undefined, resource = `Institution:${institutionId}`): void {
  if (!inScope(actor, institutionId)) throw new NotFoundError(resource);
}

/** For actions that only a system administrator may take (creating institutions, global settings). */
export function assertSystemAdmin(actor: Actor, resource: string): void {
  if (!isSystemAdmin(actor)) throw new NotFoundError(resource);
}

/** For pages: 404 (audited) unless the actor is a system administrator. */
export async function requireSystemAdminPage(actor: Actor, resource: string): Promise<void> {
  if (!isSystemAdmin(actor)) await deny(actor, 'admin:system', resource);
}

/** For pages: the record, or the same audited 404 as anything not the actor's. */
export async function foundOr404<T>(actor: Actor, record: T | null, resource: string): Promise<T> {
  if (record === null) return deny(actor, 'admin:scope', resource);
  return record;
}
