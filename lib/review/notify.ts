// Review notifications, queued in the transaction of the change that causes them (lib/mail/outbox.ts)
// and in the recipient's language. Each has a dedupe key naming the event, so it goes out once however
// often the change is retried or the function called.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import { env, rawEnv } from '@/lib/env';
import { enqueueMail } from '@/lib/mail/outbox';
import { mailDateTime, mailLocale, mailText, renderMail } from '@/lib/mail/render';
import { JAPAN_TIME_ZONE } from '@/lib/time/japan';
import type { DecisionKind } from './schemas';
import { localTitle } from '@/lib/i18n/local-text';

export interface Recipient {
  id: string;
  email: string;
  displayName: string;
  locale: string | null;
}

const recipientSelect = { id: true, email: true, displayName: true, locale: true } as const;

/** Links in mail use the public URL (APP_URL); seeds and scripts without a full configuration still work. */
export function appLink(path: string): string {
  let base: string;
  try {
    base = env().APP_URL;
  } catch {
    base = rawEnv('APP_URL') ?? 'http://localhost:3000';
  }
  return `${base.replace(/\/$/, '')}${path}`;
}

export const reviewPath = (disclosureId: string) => `/review/${disclosureId}`;
/** Where a researcher reads their disclosure and the office's messages (the filing pages). */
export const filingPath = (disclosureId: string) => `/disclosures/${disclosureId}`;

function cycleTitle(locale: string | null, cycle: { titleJa: string; titleEn: string }): string {
  return localTitle(mailLocale(locale), cycle);
}

/** A YYYY-MM-DD date as the recipient reads it ("2027年3月15日" / "15 March 2027"). */
export function mailDate(locale: string | null, isoDate: string | Date): string {
  const d = typeof isoDate === 'string' ? new Date(`${isoDate}T00:00:00Z`) : isoDate;
  return new Intl.DateTimeFormat(mailLocale(locale) === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'long', timeZone: typeof isoDate === 'string' ? 'UTC' : JAPAN_TIME_ZONE }).format(d);
}

/**
 * For the filing engineer's submit transaction: tells the officers a (re)submission arrived. When the
 * disclosure is assigned, its officer is told; otherwise every active officer of its institution.
 * Returns the number of messages queued (0 when called again for the same version).
 */
export async function notifyOfficersOfSubmission(tx: Tx, disclosureId: string, versionId: string): Promise<number> {
  const d = await tx.disclosure.findUniqueOrThrow({
    where: { id: disclosureId },
    select: {
      institutionId: true,
      assigneeId: true,
      researcherName: true,
      cycle: { select: { titleJa: true, titleEn: true, reviewDeadline: true } },
      versions: { where: { id: versionId }, select: { kind: true, number: true } },
    },
  });
  const version = d.versions[0];
  if (!version) throw new Error(`Version ${versionId} is not a version of disclosure ${disclosureId}`);
  const officers = await tx.user.findMany({
    where: {
      disabledAt: null,
      memberships: { some: { role: 'OFFICER', institutionId: d.institutionId } },
      ...(d.assigneeId ? { id: d.assigneeId } : {}),
    },
    select: recipientSelect,
    orderBy: { email: 'asc' },
  });
  // An assignee who is no longer an officer there: everyone is told instead.
  const to =
    officers.length || !d.assigneeId
      ? officers
      : await tx.user.findMany({
          where: { disabledAt: null, memberships: { some: { role: 'OFFICER', institutionId: d.institutionId } } },
          select: recipientSelect,
          orderBy: { email: 'asc' },
        });
  let queued = 0;
  for (const officer of to) {
    const mail = renderMail(officer.locale, version.kind === 'RESUBMISSION' ? 'review.resubmitted' : 'review.submitted', {
      name: officer.displayName,
      researcher: d.researcherName,
      cycle: cycleTitle(officer.locale, d.cycle),
      version: version.number,
      deadline: mailDateTime(officer.locale, d.cycle.reviewDeadline),
      link: appLink(reviewPath(disclosureId)),
    });
    if (await enqueueMail(tx, { dedupeKey: `review.submitted:${versionId}:${officer.id}`, to: officer.email, ...mail })) queued++;
  }
  return queued;
}

export interface DecisionNotice {
  decisionId: string;
  disclosureId: string;
  decision: DecisionKind;
  reason: string;
  plan: { conditions: string; responsiblePerson: string; reviewDates: string[] } | null;
}

/** Tells the researcher the office's decision: the reason of a return, the plan of an approval. */
export async function notifyResearcherOfDecision(tx: Tx, n: DecisionNotice): Promise<boolean> {
  const d = await tx.disclosure.findUniqueOrThrow({
    where: { id: n.disclosureId },
    select: { researcher: { select: recipientSelect }, cycle: { select: { titleJa: true, titleEn: true, filingDeadline: true } } },
  });
  const r = d.researcher;
  const t = mailText(r.locale);
  const values = {
    name: r.displayName,
    cycle: cycleTitle(r.locale, d.cycle),
    link: appLink(filingPath(n.disclosureId)),
    reason: n.reason,
    conditions: n.plan?.conditions ?? '',
    responsible: n.plan?.responsiblePerson ?? '',
    dates: n.plan ? n.plan.reviewDates.map((x) => mailDate(r.locale, x)).join(t('review.dateSeparator')) : '',
  };
  const template =
    n.decision === 'RETURN' ? 'review.returned' : n.decision === 'FLAG' ? 'review.flagged' : n.plan ? 'review.approvedWithPlan' : 'review.approved';
  const key = { RETURN: 'returned', APPROVE: 'approved', FLAG: 'flagged' }[n.decision];
  return enqueueMail(tx, { dedupeKey: `review.${key}:${n.decisionId}`, to: r.email, ...renderMail(r.locale, template, values) });
}

/** Tells an officer that a colleague assigned them a disclosure (not sent when they assigned themselves). */
export async function notifyAssignee(
  tx: Tx,
  o: { disclosureId: string; assigneeId: string; assignedBy: { userId: string; displayName: string }; eventKey: string },
): Promise<boolean> {
  if (o.assigneeId === o.assignedBy.userId) return false;
  const d = await tx.disclosure.findUniqueOrThrow({
    where: { id: o.disclosureId },
    select: { researcherName: true, cycle: { select: { titleJa: true, titleEn: true, reviewDeadline: true } } },
  });
  const u = await tx.user.findUniqueOrThrow({ where: { id: o.assigneeId }, select: recipientSelect });
  const mail = renderMail(u.locale, 'review.assigned', {
    name: u.displayName,
    by: o.assignedBy.displayName,
    researcher: d.researcherName,
    cycle: cycleTitle(u.locale, d.cycle),
    deadline: mailDateTime(u.locale, d.cycle.reviewDeadline),
    link: appLink(reviewPath(o.disclosureId)),
  });
  return enqueueMail(tx, { dedupeKey: `review.assigned:${o.disclosureId}:${o.assigneeId}:${o.eventKey}`, to: u.email, ...mail });
}
