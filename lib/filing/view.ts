// What the filing pages show of one of the researcher's disclosures: the draft (rows over the last
// version), where it stands in the workflow, the cycle's deadline, attestation and exchange rates, and
// what the officer said when it was returned.
import 'server-only';
import { cache } from 'react';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { disclosureProgress } from '@/lib/disclosures/progress';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { type AttachmentSummary, listAttachments } from './attachments';
import { carryStates, unconfirmedItems } from './carry';
import { assembleDraft } from './content';
import { contentHash } from './hash';
import { ownDisclosure } from './scope';
import { stateOf } from './state';
import { canDiscardUpdate, canStartUpdate, editability } from './workflow';

export const filingView = cache(async (actor: Actor, disclosureId: string) => {
  const d = await db.disclosure.findFirst({
    where: ownDisclosure(actor, disclosureId),
    select: {
      id: true,
      status: true,
      stateVersion: true,
      lastSubmittedAt: true,
      institution: { select: { id: true, nameJa: true, nameEn: true } },
      cycle: {
        select: {
          id: true,
          code: true,
          fiscalYear: true,
          titleJa: true,
          titleEn: true,
          status: true,
          filingDeadline: true,
          attestationJa: true,
          attestationEn: true,
          exchangeRates: { select: { currency: true, jpyPerUnit: true } },
        },
      },
      sections: { select: { key: true, data: true, revision: true } },
      versions: {
        select: { id: true, number: true, kind: true, certifiedAt: true, content: true },
        orderBy: { number: 'desc' },
        take: 1,
      },
      _count: { select: { sections: true, versions: true } },
    },
  });
  if (!d) throw new NotFoundError(`Disclosure:${disclosureId}`);
  const last = d.versions[0] ?? null;
  const { content, revisions } = assembleDraft(d.sections, (last?.content as DisclosureContent | undefined) ?? null);
  const state = stateOf(d);
  const edit = editability(state);
  const [departments, returned, attachments, carried, unconfirmed] = await Promise.all([
    db.department.findMany({
      where: { institutionId: d.institution.id, retiredAt: null },
      select: { id: true, nameJa: true, nameEn: true },
      orderBy: { code: 'asc' },
    }),
    researcherFeedback(d.id, d.status),
    listAttachments(actor, d.id),
    carryStates(db, d.id),
    edit.editable ? unconfirmedItems(db, d.id, content) : [],
  ]);
  return {
    id: d.id,
    status: d.status,
    stateVersion: d.stateVersion,
    lastSubmittedAt: d.lastSubmittedAt,
    institution: d.institution,
    cycle: {
      ...d.cycle,
      exchangeRates: undefined,
      rates: Object.fromEntries(d.cycle.exchangeRates.map((r) => [r.currency.trim(), r.jpyPerUnit.toFixed()])),
    },
    departments,
    content,
    /** What the pages show read-only: the draft while editable, else what was last submitted. */
    shownContent: edit.editable || !last ? content : (last.content as DisclosureContent),
    revisions,
    draftHash: contentHash(content),
    progress: disclosureProgress(content),
    editability: edit,
    canStartUpdate: canStartUpdate(state),
    canDiscardUpdate: canDiscardUpdate(state),
    versionCount: d._count.versions,
    lastVersion: last ? { id: last.id, number: last.number, kind: last.kind, certifiedAt: last.certifiedAt } : null,
    feedback: returned,
    attachments: attachments satisfies AttachmentSummary[],
    /** Items carried from the last filed disclosure, and those of them still to confirm, edit or end. */
    carried,
    unconfirmed,
  };
});

export type FilingView = Awaited<ReturnType<typeof filingView>>;

/** The officer's reason for the latest return, and the comments they made visible to the researcher. */
export async function researcherFeedback(disclosureId: string, status: string) {
  const [decision, comments] = await Promise.all([
    status === 'RETURNED'
      ? db.reviewDecision.findFirst({
          where: { disclosureId, decision: 'RETURN' },
          orderBy: { createdAt: 'desc' },
          select: { reason: true, createdAt: true },
        })
      : null,
    db.comment.findMany({
      where: { disclosureId, visibility: 'RESEARCHER' },
      orderBy: { createdAt: 'asc' },
      select: { id: true, body: true, createdAt: true },
    }),
  ]);
  return { returnReason: decision?.reason ?? null, returnedAt: decision?.createdAt ?? null, comments };
}
