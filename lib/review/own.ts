// Segregation of duties: nobody reviews their own disclosure. The review scope (lib/auth/scopes.ts)
// already leaves it out of every query and action; this only lets the review page say why, instead of
// the "not found" anyone else gets. Telling the researcher that their own disclosure exists leaks nothing.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { disclosureScope } from '@/lib/auth/scopes';
import { recordAuditNow } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import type { Origin } from './decide';

/** True (and the refusal audited) when `disclosureId` is the actor's own disclosure. */
export async function refuseOwnDisclosure(actor: Actor, disclosureId: string, origin: Origin): Promise<boolean> {
  const own = await db.disclosure.findFirst({ where: { AND: [disclosureScope(actor, 'file'), { id: disclosureId }] }, select: { institutionId: true } });
  if (!own) return false;
  await recordAuditNow({
    action: 'access.denied',
    outcome: 'DENIED',
    actorId: actor.userId,
    actorEmail: actor.email,
    entityType: 'Disclosure',
    entityId: disclosureId,
    institutionId: own.institutionId,
    ...origin,
    details: { permission: 'segregation-of-duties', resource: `Disclosure:${disclosureId}` },
  });
  return true;
}
