// National configuration (watchlists, domestic grants, rules) is managed by system administrators only:
// an ADMIN membership with allInstitutions. An institution's administrator, like everyone else, gets
// the same audited 404 as a page or record that does not exist. One helper for pages, one for actions.
import 'server-only';
import type { z } from 'zod';
import { type ActionDefinition, defineAction } from '@/lib/actions/action';
import { NotFoundError } from '@/lib/errors';
import { deny, requireRole } from '@/lib/auth/actor';
import { type Actor, institutionsFor } from '@/lib/auth/roles';

export function isSystemAdmin(actor: Pick<Actor, 'memberships'>): boolean {
  return institutionsFor(actor, 'ADMIN') === 'all';
}

/** For pages: the system administrator, or an audited 404. */
export async function requireSystemAdmin(resource: string): Promise<Actor> {
  const actor = await requireRole('ADMIN', resource);
  if (!isSystemAdmin(actor)) await deny(actor, 'admin:national', resource);
  return actor;
}

/** For actions: roles ['ADMIN'] and, in the handler, the nationwide grant (else NotFoundError, audited). */
export function defineSystemAdminAction<S extends z.ZodType, T>(def: Omit<ActionDefinition<S, T>, 'roles'>) {
  return defineAction<S, T>({
    ...def,
    roles: ['ADMIN'],
    handler: async (ctx) => {
      if (!isSystemAdmin(ctx.actor)) throw new NotFoundError(`national-config:${def.name}`);
      return def.handler(ctx);
    },
  });
}
