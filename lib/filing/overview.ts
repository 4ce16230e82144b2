// "My disclosures": the cycles of the researcher's institutions that are open to them, their disclosure
// in each (with what is left to fill), anything returned to them, and everything filed before.
import 'server-only';
import { type Actor, institutionsFor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { daysUntil } from '@/lib/time/japan';
import { disclosureProgress } from '@/lib/disclosures/progress';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { assembleDraft } from './content';
import { filingScope } from './scope';
import { stateOf } from './state';
import { canStartUpdate, editability } from './workflow';
import { researcherFeedback } from './view';


export async function myDisclosures(actor: Actor) {
  const institutions = institutionsFor(actor, 'RESEARCHER');
  const [cycles, disclosures] = await Promise.all([
    db.disclosureCycle.findMany({
      where: {
        status: { in: ['OPEN', 'CLOSED'] },
        ...(institutions === 'all' ? {} : { institutionId: { in: institutions } }),
      },
      select: {
        id: true,
        code: true,
        titleJa: true,
        titleEn: true,
        status: true,
        opensAt: true,
        filingDeadline: true,
        institution: { select: { nameJa: true, nameEn: true } },
      },
      orderBy: [{ fiscalYear: 'desc' }, { code: 'desc' }],
    }),
    db.disclosure.findMany({
      where: filingScope(actor),
      select: {
        id: true,
        cycleId: true,
        status: true,
        lastSubmittedAt: true,
        decidedAt: true,
        cycle: { select: { code: true, titleJa: true, titleEn: true, status: true, fiscalYear: true } },
        sections: { select: { key: true, data: true, revision: true } },
        versions: { select: { number: true, content: true }, orderBy: { number: 'desc' }, take: 1 },
        _count: { select: { sections: true, versions: true } },
      },
      orderBy: [{ cycle: { fiscalYear: 'desc' } }, { createdAt: 'desc' }],
    }),
  ]);

  const rows = await Promise.all(
    disclosures.map(async (d) => {
      const state = stateOf(d);
      const last = d.versions[0];
      const { content } = assembleDraft(d.sections, (last?.content as DisclosureContent | undefined) ?? null);
      const edit = editability(state);
      return {
        id: d.id,
        cycleId: d.cycleId,
        cycle: d.cycle,
        status: d.status,
        lastSubmittedAt: d.lastSubmittedAt,
        decidedAt: d.decidedAt,
        versionCount: d._count.versions,
        editable: edit.editable,
        updateInProgress: edit.editable && edit.mode === 'update',
        canStartUpdate: canStartUpdate(state),
        progress: edit.editable ? disclosureProgress(content) : null,
        feedback: d.status === 'RETURNED' ? await researcherFeedback(d.id, d.status) : null,
      };
    }),
  );
  const byCycle = new Map(rows.map((r) => [r.cycleId, r]));
  const now = new Date();
  return {
    open: cycles
      .filter((c) => c.status === 'OPEN')
      .map((c) => ({
        cycle: c,
        /** Calendar days in Japan until the filing deadline's day (0 on it), as the reminder mail counts. */
        daysLeft: daysUntil(c.filingDeadline, now),
        /** The deadline's instant is past (on its day, after its hour, too). */
        passed: c.filingDeadline.getTime() <= now.getTime(),
        disclosure: byCycle.get(c.id) ?? null,
      })),
    returned: rows.filter((r) => r.status === 'RETURNED'),
    all: rows,
  };
}

export type MyDisclosures = Awaited<ReturnType<typeof myDisclosures>>;
