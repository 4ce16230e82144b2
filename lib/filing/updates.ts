// Updates (amendments): the researcher starts one from the last version — every section copied into
// draft rows — edits it like any draft, and submits it as a new version of kind UPDATE. An update not
// yet submitted can be discarded; the versions are untouched either way.
import 'server-only';
import { ActionError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import { sectionKeys, type DisclosureContent } from '@/lib/disclosures/sections';
import { auditRefusals, refusal } from './refused';
import type { Origin } from './scope';
import { inTransaction, lastVersionAt, loadForChange } from './state';
import { canDiscardUpdate, canStartUpdate, updateInProgress } from './workflow';

type Ref = { disclosureId: string; stateVersion: number };

export async function startUpdate(actor: Actor, input: Ref, origin: Origin, client?: Tx) {
  return auditRefusals(() =>
    inTransaction(client, async (tx) => {
      const d = await loadForChange(tx, actor, input.disclosureId, 'update');
      if (updateInProgress(d.state)) return { started: false };
      if (!canStartUpdate(d.state)) {
        throw refusal('filing.errors.cannotUpdate', actor, origin, {
          action: 'disclosure.update.start',
          entityType: 'Disclosure',
          entityId: d.id,
          institutionId: d.institutionId,
          reason: d.status,
        });
      }
      if (d.stateVersion !== input.stateVersion) throw new ActionError('errors.conflict');
      const last = await tx.disclosureVersion.findFirstOrThrow({
        where: { disclosureId: d.id },
        orderBy: { number: 'desc' },
        select: { id: true, number: true, content: true },
      });
      const content = last.content as DisclosureContent;
      await tx.disclosureSection.createMany({
        data: sectionKeys.map((key) => ({ disclosureId: d.id, key, data: content[key] as object, revision: 1 })),
      });
      await recordAudit(tx, {
        action: 'disclosure.update.start',
        actorId: actor.userId,
        actorEmail: actor.email,
        entityType: 'Disclosure',
        entityId: d.id,
        institutionId: d.institutionId,
        ...origin,
        details: { fromVersion: last.number, versionId: last.id },
      });
      return { started: true };
    }),
  );
}

export async function discardUpdate(actor: Actor, input: Ref, origin: Origin, client?: Tx) {
  return auditRefusals(() =>
    inTransaction(client, async (tx) => {
      const d = await loadForChange(tx, actor, input.disclosureId, 'update');
      if (!canDiscardUpdate(d.state)) {
        throw refusal('filing.errors.noUpdate', actor, origin, {
          action: 'disclosure.update.discard',
          entityType: 'Disclosure',
          entityId: d.id,
          institutionId: d.institutionId,
          reason: d.status,
        });
      }
      if (d.stateVersion !== input.stateVersion) throw new ActionError('errors.conflict');
      await tx.disclosureSection.deleteMany({ where: { disclosureId: d.id } });
      // Files added for the abandoned update belong to no version: they go with it.
      const frozenUntil = await lastVersionAt(tx, d.id);
      const removed = await tx.attachment.updateMany({
        where: { disclosureId: d.id, deletedAt: null, createdAt: { gt: frozenUntil ?? new Date(0) } },
        data: { deletedAt: new Date() },
      });
      await recordAudit(tx, {
        action: 'disclosure.update.discard',
        actorId: actor.userId,
        actorEmail: actor.email,
        entityType: 'Disclosure',
        entityId: d.id,
        institutionId: d.institutionId,
        ...origin,
        details: { attachmentsRemoved: removed.count },
      });
      return { discarded: true };
    }),
  );
}
