// The researcher's answers to "from last year — still true?" for one carried item: confirming it as it
// stands, or ending it on a date within the cycle's year (the end date is written into the item, which
// stays on this year's record as ended). Editing is the third answer, recorded by the section save.
import 'server-only';
import { ActionError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import type { AuditAction } from '@/lib/audit/actions';
import { auditDisclosure } from '@/lib/audit/by';
import type { Tx } from '@/lib/db/client';
import { endDateProblem, isEndable } from './carry-rules';
import { refusal, auditRefusals } from './refused';
import { notEditableKey } from './save-section';
import type { EndCarriedInput } from './schemas';
import type { Origin } from '@/lib/audit/record';
import { inTransaction, loadForChange } from './state';
import { editability } from './workflow';

type Ref = { disclosureId: string; itemId: string };

async function editableCarried(tx: Tx, actor: Actor, input: Ref, origin: Origin, action: AuditAction) {
  const d = await loadForChange(tx, actor, input.disclosureId, 'share');
  const editable = editability(d.state);
  if (!editable.editable) {
    throw refusal(notEditableKey(editable.reason), actor, origin, {
      action,
      entityType: 'Disclosure',
      entityId: d.id,
      institutionId: d.institutionId,
      reason: editable.reason,
    });
  }
  const carried = await tx.carriedItem.findUnique({
    where: { disclosureId_itemId: { disclosureId: d.id, itemId: input.itemId } },
    select: { section: true, state: true },
  });
  if (!carried) throw new ActionError('carry.errors.notCarried');
  return { d, carried };
}

export async function confirmCarried(actor: Actor, input: Ref, origin: Origin, client?: Tx) {
  return auditRefusals(() =>
    inTransaction(client, async (tx) => {
      const { d, carried } = await editableCarried(tx, actor, input, origin, 'disclosure.carry.confirm');
      // Only an open question is answered: an edited or ended item stays what it is (a repeated click changes nothing).
      const changed = await tx.carriedItem.updateMany({
        where: { disclosureId: d.id, itemId: input.itemId, state: 'PENDING' },
        data: { state: 'CONFIRMED' },
      });
      if (changed.count === 1) {
        await auditDisclosure(tx, actor, origin, d, 'disclosure.carry.confirm', { section: carried.section, itemId: input.itemId });
      }
      return { state: changed.count === 1 ? 'CONFIRMED' : carried.state };
    }),
  );
}

export async function endCarried(actor: Actor, input: EndCarriedInput, origin: Origin, client?: Tx) {
  return auditRefusals(() =>
    inTransaction(client, async (tx) => {
      const { d, carried } = await editableCarried(tx, actor, input, origin, 'disclosure.carry.end');
      if (!isEndable(carried.section)) throw new ActionError('carry.errors.cannotEnd');
      const [row, cycle] = await Promise.all([
        tx.disclosureSection.findUnique({
          where: { disclosureId_key: { disclosureId: d.id, key: carried.section } },
          select: { data: true, revision: true },
        }),
        tx.disclosureCycle.findUniqueOrThrow({ where: { id: d.cycleId }, select: { fiscalYear: true } }),
      ]);
      const data = (row?.data ?? {}) as { items?: Record<string, unknown>[] };
      const item = data.items?.find((i) => i.id === input.itemId);
      if (!row || !item) throw new ActionError('carry.errors.notCarried');
      const problem = endDateProblem(input.endDate, item, cycle.fiscalYear);
      if (problem) {
        throw new ActionError('errors.invalidInput', { endDate: [`carry.errors.end.${problem}`] }, { fiscalYear: cycle.fiscalYear });
      }
      const items = data.items!.map((i) => (i.id === input.itemId ? { ...i, endDate: input.endDate } : i));
      // Written at the revision just read: a save that landed in between makes this a stale write, never a lost one.
      const written = await tx.disclosureSection.updateMany({
        where: { disclosureId: d.id, key: carried.section, revision: row.revision },
        data: { data: { ...data, items } as object, revision: { increment: 1 } },
      });
      if (written.count !== 1) throw new ActionError('errors.staleWrite');
      await tx.carriedItem.update({
        where: { disclosureId_itemId: { disclosureId: d.id, itemId: input.itemId } },
        data: { state: 'ENDED', endedOn: new Date(`${input.endDate}T00:00:00Z`) },
      });
      await auditDisclosure(tx, actor, origin, d, 'disclosure.carry.end', { section: carried.section, itemId: input.itemId, endDate: input.endDate, revision: row.revision + 1 });
      return { revision: row.revision + 1 };
    }),
  );
}
