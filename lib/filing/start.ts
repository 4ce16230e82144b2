// Starting the researcher's disclosure for a cycle: one per cycle and researcher (the unique key makes a
// double click harmless), with the profile section prefilled from their account and profile, and every
// other section carried forward from their last filed disclosure (lib/filing/carry.ts) in the same
// transaction.
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import { type Actor, institutionsFor } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import { draftProfileSchema } from '@/lib/disclosures/profile';
import { carryIntoDraft, lastFiledVersion } from './carry';
import { auditRefusals, refusal } from './refused';
import type { Origin } from './scope';
import { filingScope } from './scope';
import { inTransaction } from './state';
import { canStartDisclosure } from './workflow';

export async function startDisclosure(
  actor: Actor,
  input: { cycleId: string },
  origin: Origin,
  client?: Tx,
): Promise<{ disclosureId: string; created: boolean }> {
  return auditRefusals(() =>
    inTransaction(client, async (tx) => {
      const institutions = institutionsFor(actor, 'RESEARCHER');
      const cycle = await tx.disclosureCycle.findFirst({
        where: {
          id: input.cycleId,
          status: { in: ['OPEN', 'CLOSED'] },
          ...(institutions === 'all' ? {} : { institutionId: { in: institutions } }),
        },
        select: { id: true, status: true, institutionId: true, fiscalYear: true },
      });
      if (!cycle) throw new NotFoundError(`DisclosureCycle:${input.cycleId}`);

      const existing = await tx.disclosure.findFirst({
        where: { AND: [filingScope(actor), { cycleId: cycle.id }] },
        select: { id: true },
      });
      if (existing) return { disclosureId: existing.id, created: false };
      if (!canStartDisclosure(cycle.status)) {
        throw refusal('filing.errors.cycleClosed', actor, origin, {
          action: 'disclosure.start',
          entityType: 'DisclosureCycle',
          entityId: cycle.id,
          institutionId: cycle.institutionId,
          reason: 'cycleClosed',
        });
      }

      const user = await tx.user.findUniqueOrThrow({
        where: { id: actor.userId },
        select: {
          displayName: true,
          nameKanji: true,
          nameKana: true,
          nameRomaji: true,
          profile: { select: { departmentId: true, position: true, eradNumber: true, orcid: true, institutionId: true } },
        },
      });
      const profile = user.profile;
      const sameInstitution = profile?.institutionId === cycle.institutionId;
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Disclosure" ("cycleId", "researcherId", "institutionId", "departmentId", "researcherName", "updatedAt")
        VALUES (${cycle.id}::uuid, ${actor.userId}::uuid, ${cycle.institutionId}::uuid,
                ${sameInstitution ? (profile?.departmentId ?? null) : null}::uuid, ${user.displayName}, now())
        ON CONFLICT ("cycleId", "researcherId") DO NOTHING
        RETURNING id`;
      const id = inserted[0]?.id;
      if (!id) {
        // Another request of the same person created it a moment ago.
        const row = await tx.disclosure.findFirstOrThrow({
          where: { AND: [filingScope(actor), { cycleId: cycle.id }] },
          select: { id: true },
        });
        return { disclosureId: row.id, created: false };
      }

      const previous = await lastFiledVersion(tx, actor, cycle.id);
      // Last year's profile fills what the account does not say; a department of another institution is dropped.
      const { departmentId: previousDepartment, ...previousProfile } = previous?.content.profile ?? {};
      const prefill = draftProfileSchema.safeParse({
        ...withoutEmpty({
          ...previousProfile,
          departmentId: previous?.disclosure.institutionId === cycle.institutionId ? previousDepartment : null,
        }),
        ...withoutEmpty({
          nameKanji: user.nameKanji,
          nameKana: user.nameKana,
          nameRomaji: user.nameRomaji,
          position: profile?.position,
          departmentId: sameInstitution ? profile?.departmentId : null,
          eradNumber: profile?.eradNumber,
          orcid: profile?.orcid,
        }),
      });
      await tx.disclosureSection.create({
        data: { disclosureId: id, key: 'profile', data: prefill.success ? prefill.data : {}, revision: 1 },
      });
      const carried = previous ? await carryIntoDraft(tx, actor, { disclosureId: id, fiscalYear: cycle.fiscalYear }, previous) : 0;
      await recordAudit(tx, {
        action: 'disclosure.start',
        actorId: actor.userId,
        actorEmail: actor.email,
        entityType: 'Disclosure',
        entityId: id,
        institutionId: cycle.institutionId,
        ...origin,
        details: { cycleId: cycle.id, ...(previous ? { carriedFromVersionId: previous.id, carriedItems: carried } : {}) },
      });
      return { disclosureId: id, created: true };
    }),
  );
}

function withoutEmpty(record: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''));
}
