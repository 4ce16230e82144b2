// The daily reminders (job `review.reminders`, 09:00 Japan time; lib/jobs/handlers.ts):
// - researchers, on each of the cycle's reminderDays before its filing deadline, while the cycle is
//   OPEN and their disclosure is not filed (none yet, a draft, or returned to them);
// - officers, on the same days before the review deadline, while their institution has open work in
//   the cycle (submitted, under review or resubmitted), with how much and how much is theirs.
// Dedupe keys name the person, the cycle and the day, so a rerun of the job on the same day (another
// process, a retry) sends nothing twice.
import 'server-only';
import { db } from '@/lib/db/client';
import { enqueueMail } from '@/lib/mail/outbox';
import { mailDateTime, mailLocale, renderMail } from '@/lib/mail/render';
import { daysUntil, japanDate } from '@/lib/time/japan';
import { appLink } from './notify';
import { localTitle } from '@/lib/i18n/local-text';

const DAY = 86_400_000;

interface Person {
  id: string;
  email: string;
  displayName: string;
  locale: string | null;
}

export async function sendReminders(now = new Date()): Promise<{ researchers: number; officers: number }> {
  const today = japanDate(now);
  const counts = { researchers: 0, officers: 0 };
  const cycles = await db.disclosureCycle.findMany({
    where: { status: { in: ['OPEN', 'CLOSED'] }, reviewDeadline: { gte: new Date(now.getTime() - DAY) } },
    select: { id: true, institutionId: true, status: true, titleJa: true, titleEn: true, filingDeadline: true, reviewDeadline: true, reminderDays: true },
  });
  for (const c of cycles) {
    const title = (locale: string | null) => localTitle(mailLocale(locale), c);
    const toFiling = daysUntil(c.filingDeadline, now);
    if (c.status === 'OPEN' && toFiling >= 0 && c.reminderDays.includes(toFiling)) {
      const people = await db.$queryRaw<Person[]>`
        SELECT u.id, u.email, u."displayName", u.locale FROM "Membership" m
        JOIN "User" u ON u.id = m."userId"
        LEFT JOIN "Disclosure" d ON d."cycleId" = ${c.id}::uuid AND d."researcherId" = u.id
        WHERE m.role = 'RESEARCHER' AND m."institutionId" = ${c.institutionId}::uuid AND u."disabledAt" IS NULL
          AND (d.id IS NULL OR d.status IN ('DRAFT', 'RETURNED'))
        ORDER BY u.email`;
      counts.researchers += await queue(people, (p) => ({
        dedupeKey: `review.reminder.filing:${c.id}:${p.id}:${today}`,
        to: p.email,
        ...renderMail(p.locale, 'review.reminderFiling', {
          name: p.displayName,
          cycle: title(p.locale),
          days: toFiling,
          deadline: mailDateTime(p.locale, c.filingDeadline),
          link: appLink('/disclosures'),
        }),
      }));
    }
    const toReview = daysUntil(c.reviewDeadline, now);
    if (toReview >= 0 && c.reminderDays.includes(toReview)) {
      const open = await db.disclosure.groupBy({
        by: ['assigneeId'],
        where: { cycleId: c.id, status: { in: ['SUBMITTED', 'UNDER_REVIEW', 'RESUBMITTED'] } },
        _count: { _all: true },
      });
      const total = open.reduce((n, g) => n + g._count._all, 0);
      if (!total) continue;
      const mine = new Map(open.filter((g) => g.assigneeId).map((g) => [g.assigneeId!, g._count._all]));
      const officers = await db.user.findMany({
        where: { disabledAt: null, memberships: { some: { role: 'OFFICER', institutionId: c.institutionId } } },
        select: { id: true, email: true, displayName: true, locale: true },
        orderBy: { email: 'asc' },
      });
      counts.officers += await queue(officers, (p) => ({
        dedupeKey: `review.reminder.review:${c.id}:${p.id}:${today}`,
        to: p.email,
        ...renderMail(p.locale, 'review.reminderReview', {
          name: p.displayName,
          cycle: title(p.locale),
          days: toReview,
          deadline: mailDateTime(p.locale, c.reviewDeadline),
          open: total,
          mine: mine.get(p.id) ?? 0,
          link: appLink('/review'),
        }),
      }));
    }
  }
  return counts;
}

/** Queues one message per person, in transactions of a few hundred; returns how many were new. */
async function queue(people: Person[], mail: (p: Person) => { dedupeKey: string; to: string; subject: string; text: string }): Promise<number> {
  let queued = 0;
  for (let i = 0; i < people.length; i += 500) {
    const batch = people.slice(i, i + 500);
    await db.$transaction(async (tx) => {
      for (const p of batch) if (await enqueueMail(tx, mail(p))) queued++;
    });
  }
  return queued;
}
