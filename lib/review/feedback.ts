// What the office tells a researcher about their own disclosure, for the filing pages: the reasons of
// returns, the management plan of an approval, whether it was referred for further review, and the
// comments addressed to them. Internal notes and the officers' flag rationale are never included.
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { disclosureScope } from '@/lib/auth/scopes';
import { db } from '@/lib/db/client';
import { researcherComments } from './comments';

export async function researcherFeedback(actor: Actor, disclosureId: string) {
  const d = await db.disclosure.findFirst({ where: { AND: [disclosureScope(actor, 'file'), { id: disclosureId }] }, select: { id: true } });
  if (!d) throw new NotFoundError(`Disclosure:${disclosureId}`);
  const decisions = await db.reviewDecision.findMany({
    where: { disclosureId },
    orderBy: { createdAt: 'desc' },
    select: { id: true, decision: true, reason: true, createdAt: true, plan: { select: { conditions: true, responsiblePerson: true, reviewDates: true } } },
  });
  return {
    decisions: decisions.map((x) => ({
      id: x.id,
      decision: x.decision,
      // The reason of a return is addressed to the researcher; a flag's rationale is the office's.
      reason: x.decision === 'RETURN' ? x.reason : null,
      createdAt: x.createdAt,
      plan: x.plan ? { ...x.plan, reviewDates: x.plan.reviewDates.map((dt) => dt.toISOString().slice(0, 10)) } : null,
    })),
    comments: await researcherComments(actor, disclosureId),
  };
}
