// Opening a disclosure that waits in the queue starts its review: SUBMITTED or RESUBMITTED becomes
// UNDER_REVIEW (the researcher can no longer replace what the officer is reading; see
// lib/filing/workflow.ts). Called by the review page for an officer in scope; a no-op otherwise.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import type { Origin } from './decide';
import { reviewScopeSql } from './scope';
import { Prisma } from '@/lib/generated/prisma/client';

export async function startReviewOnOpen(actor: Actor, disclosureId: string, origin: Origin): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ institutionId: string; stateVersion: number; from: string }[]>(Prisma.sql`
      UPDATE "Disclosure" d SET status = 'UNDER_REVIEW', "stateVersion" = d."stateVersion" + 1, "updatedAt" = now()
      FROM (SELECT id, status FROM "Disclosure" WHERE id = ${disclosureId}::uuid FOR UPDATE) old
      WHERE d.id = old.id AND d.status IN ('SUBMITTED', 'RESUBMITTED') AND ${reviewScopeSql(actor, 'd')}
      RETURNING d."institutionId", d."stateVersion", old.status::text AS "from"`);
    const row = rows[0];
    if (!row) return false;
    await recordAudit(tx, {
      action: 'review.start',
      actorId: actor.userId,
      actorEmail: actor.email,
      entityType: 'Disclosure',
      entityId: disclosureId,
      institutionId: row.institutionId,
      ...origin,
      details: { from: row.from, to: 'UNDER_REVIEW', stateVersion: row.stateVersion, trigger: 'opened' },
    });
    return true;
  });
}
