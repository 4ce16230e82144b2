// Saving one draft section with optimistic concurrency: the browser sends the revision it last saw, and
// the row is written only if it is still at that revision (or, for revision 0, does not exist yet).
// Anything else is a stale tab: refused with the current revision, never overwritten silently — unless
// it sends exactly what is already stored (a retried save), which changes nothing.
import 'server-only';
import { ActionError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { canonicalJson } from '@/lib/audit/hash';
import { recordAudit } from '@/lib/audit/record';
import type { Tx } from '@/lib/db/client';
import { markEditedItems } from './carry';
import type { SaveSectionInput } from './schemas';
import { refusal, auditRefusals } from './refused';
import type { Origin } from './scope';
import { inTransaction, loadForChange } from './state';
import { editability } from './workflow';

export type SaveResult = { revision: number; savedAt: string };

export function notEditableKey(reason: string): string {
  return `filing.errors.notEditable.${reason}`;
}

export async function saveSection(actor: Actor, input: SaveSectionInput, origin: Origin, client?: Tx): Promise<SaveResult> {
  return auditRefusals(() =>
    inTransaction(client, async (tx) => {
      const d = await loadForChange(tx, actor, input.disclosureId, 'share');
      const editable = editability(d.state);
      if (!editable.editable) {
        throw refusal(notEditableKey(editable.reason), actor, origin, {
          action: 'disclosure.section.save',
          entityType: 'Disclosure',
          entityId: d.id,
          institutionId: d.institutionId,
          reason: editable.reason,
        });
      }
      // JSON round trip: the stored document holds exactly what parsed, no undefined members.
      const data = JSON.parse(JSON.stringify(input.data)) as object;
      const written =
        input.revision === 0
          ? await tx.$executeRaw`
              INSERT INTO "DisclosureSection" ("disclosureId", key, data, revision, "updatedAt")
              VALUES (${d.id}::uuid, ${input.section}, ${JSON.stringify(data)}::jsonb, 1, now())
              ON CONFLICT ("disclosureId", key) DO NOTHING`
          : (
              await tx.disclosureSection.updateMany({
                where: { disclosureId: d.id, key: input.section, revision: input.revision },
                data: { data, revision: { increment: 1 } },
              })
            ).count;
      if (written !== 1) {
        const current = await tx.disclosureSection.findUnique({
          where: { disclosureId_key: { disclosureId: d.id, key: input.section } },
          select: { revision: true, updatedAt: true, data: true },
        });
        // A retried save (a tab closed while its save was under way, then restored from the browser's
        // copy) carries exactly what is stored: nothing is overwritten, so it is no conflict.
        if (current && canonicalJson(current.data) === canonicalJson(data)) {
          return { revision: current.revision, savedAt: current.updatedAt.toISOString() };
        }
        throw new ActionError('errors.staleWrite', undefined, {
          section: input.section,
          revision: current?.revision ?? 0,
          updatedAt: current?.updatedAt.toISOString() ?? null,
        });
      }
      const revision = input.revision + 1;
      // A carried item whose saved form differs from what was carried has been answered by editing it.
      await markEditedItems(tx, d.id, input.section, data);
      await recordAudit(tx, {
        action: 'disclosure.section.save',
        actorId: actor.userId,
        actorEmail: actor.email,
        entityType: 'Disclosure',
        entityId: d.id,
        institutionId: d.institutionId,
        ...origin,
        details: { section: input.section, revision },
      });
      return { revision, savedAt: new Date().toISOString() };
    }),
  );
}
