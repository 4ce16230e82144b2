// Segregation of duties: nobody reviews their own disclosure. The review scope (lib/auth/scopes.ts)
// already leaves it out of every query and action; this only lets the review page say why, instead of
// the "not found" anyone else gets. Telling the researcher that their own disclosure exists leaks nothing.
import 'server-only';
import type { Origin } from '@/lib/audit/record';
import { recordDenied } from '@/lib/auth/guards';
import type { Actor } from '@/lib/auth/roles';
import { disclosureScope } from '@/lib/auth/scopes';
import { db } from '@/lib/db/client';

/** True (and the refusal audited) when `disclosureId` is the actor's own disclosure. */
export async function refuseOwnDisclosure(actor: Actor, disclosureId: string, origin: Origin): Promise<boolean> {
  const own = await db.disclosure.findFirst({ where: { AND: [disclosureScope(actor, 'file'), { id: disclosureId }] }, select: { institutionId: true } });
  if (!own) return false;
  await recordDenied(
    actor,
    origin,
    { permission: 'segregation-of-duties', resource: `Disclosure:${disclosureId}` },
    { entityType: 'Disclosure', entityId: disclosureId, institutionId: own.institutionId },
  );
  return true;
}
