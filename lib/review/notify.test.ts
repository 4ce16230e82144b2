// Review notifications through a real SMTP server started here (smtp-server), read as they arrived.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignAction, decideAction } from '@/lib/review/actions';
import { runAction } from '@/lib/actions/action';
import { db } from '@/lib/db/client';
import { deliverPending } from '@/lib/mail/deliver';
import { type ReviewWorld, reviewWorld, submitted } from '@/test/helpers/review-world';
import { notifyOfficersOfSubmission } from './notify';
import { sendReminders } from './reminders';
import { japanDate } from '@/lib/time/japan';

interface Arrived {
  to: string[];
  subject: string;
  body: string;
}
const inbox: Arrived[] = [];
let server: SMTPServer;
let w: ReviewWorld;

/** Enough MIME to read what nodemailer sends: encoded-word subjects, quoted-printable or base64 bodies. */
function decodeWords(s: string): string {
  return s.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
  );
}
function parse(raw: string, to: string[]): Arrived {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const subject = decodeWords(/^Subject: (.*)$/im.exec(headers)?.[1] ?? '');
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const bodyRaw = rest.join('\n\n');
  const body =
    encoding === 'base64'
      ? Buffer.from(bodyRaw.replace(/\s/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(bodyRaw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8')
        : bodyRaw;
  return { to, subject, body };
}

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push(parse(Buffer.concat(chunks).toString('utf8'), session.envelope.rcptTo.map((r) => r.address)));
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  process.env.MAIL_FROM = 'Kaiji Test <kaiji@test.invalid>';
  w = await reviewWorld();
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Delivers what is queued and waits for the message to `to` whose subject or body matches. */
async function arrived(to: string, match: (m: Arrived) => boolean): Promise<Arrived> {
  for (let i = 0; i < 50; i++) {
    await deliverPending();
    const m = inbox.find((x) => x.to.includes(to) && match(x));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no message to ${to} arrived; inbox: ${JSON.stringify(inbox.map((x) => [x.to, x.subject]))}`);
}

const origin = { ip: null, userAgent: 'vitest' };

describe('review mail', () => {
  it('tells the officers of a (re)submission once, in their language', async () => {
    const d = await submitted(w, { cycle: w.cycleA, name: '伊藤 健 (Ken Ito)' });
    const n = await db.$transaction((tx) => notifyOfficersOfSubmission(tx, d.id, d.versionId));
    expect(n).toBe(2);
    expect(await db.$transaction((tx) => notifyOfficersOfSubmission(tx, d.id, d.versionId))).toBe(0);
    const ja = await arrived(w.officerA.email, (m) => m.body.includes(d.id));
    expect(ja.subject).toBe('Kaiji：伊藤 健 (Ken Ito)さんから開示が提出されました（2026年度 年次開示）');
    expect(ja.body).toContain(`/review/${d.id}`);
    const en = await arrived(w.officerA2.email, (m) => m.body.includes(d.id));
    expect(en.subject).toBe('Kaiji: new disclosure from 伊藤 健 (Ken Ito) (FY2026 annual disclosure)');
    // Assigned: only the assignee hears of the resubmission.
    const r = await submitted(w, { cycle: w.cycleA, versions: 2, status: 'RESUBMITTED', assigneeId: w.officerA2.userId });
    expect(await db.$transaction((tx) => notifyOfficersOfSubmission(tx, r.id, r.versionId))).toBe(1);
    const re = await arrived(w.officerA2.email, (m) => m.body.includes(r.id));
    expect(re.subject).toContain('resubmitted');
  });

  it('tells the researcher the reason of a return and the plan of an approval', async () => {
    const d = await submitted(w, { cycle: w.cycleA });
    const reason = '北京理工大学との契約書の写しを添付してください。';
    expect(await runAction(decideAction.definition, w.officerA, { disclosureId: d.id, stateVersion: 1, decision: 'RETURN', reason }, origin)).toMatchObject({ ok: true });
    const returned = await arrived(d.researcher.email, (m) => m.subject.includes('差し戻されました'));
    expect(returned.subject).toBe('Kaiji：2026年度 年次開示の開示が差し戻されました');
    expect(returned.body).toContain(reason);

    const e = await submitted(w, { cycle: w.cycleA });
    const reviewDate = japanDate(new Date(Date.now() + 30 * 86_400_000));
    const plan = { conditions: '兼業先への学生派遣を行わないこと。', responsiblePerson: '研究推進部長', reviewDates: [reviewDate] };
    expect(
      await runAction(decideAction.definition, w.officerA, { disclosureId: e.id, stateVersion: 1, decision: 'APPROVE', disposition: 'MANAGED', plan }, origin),
    ).toMatchObject({ ok: true });
    const approved = await arrived(e.researcher.email, (m) => m.subject.includes('承認'));
    expect(approved.body).toContain(plan.conditions);
    expect(approved.body).toContain('研究推進部長');
  });

  it('tells a colleague they were assigned', async () => {
    const d = await submitted(w, { cycle: w.cycleA, name: 'Sho Nakamura' });
    expect(await runAction(assignAction.definition, w.officerA, { disclosureId: d.id, assigneeId: w.officerA2.userId, expectedAssigneeId: '' }, origin)).toMatchObject({ ok: true });
    const m = await arrived(w.officerA2.email, (x) => x.subject.includes('assigned you'));
    expect(m.subject).toBe(`Kaiji: ${w.officerA.displayName} assigned you the disclosure of Sho Nakamura`);
  });

  it('reminds researchers with nothing filed and officers with open work, once per day', async () => {
    // A cycle whose filing deadline is 7 days away (a reminder day) and whose review deadline is 14 days away.
    const now = new Date();
    const inst = w.b;
    await db.disclosureCycle.update({
      where: { id: w.cycleB.id },
      data: { filingDeadline: new Date(now.getTime() + 7 * 86_400_000), reviewDeadline: new Date(now.getTime() + 14 * 86_400_000), reminderDays: [14, 7, 1] },
    });
    const open = await submitted(w, { cycle: w.cycleB, name: 'Submitted One' });
    const first = await sendReminders(now);
    // researcherB has no disclosure yet; the one who submitted is not reminded.
    const filingKeys = await db.emailMessage.findMany({ where: { dedupeKey: { startsWith: `review.reminder.filing:${w.cycleB.id}:` } }, select: { toAddress: true } });
    expect(filingKeys.map((k) => k.toAddress)).toContain(w.researcherB.email);
    expect(filingKeys.map((k) => k.toAddress)).not.toContain(open.researcher.email);
    const reviewKeys = await db.emailMessage.findMany({ where: { dedupeKey: { startsWith: `review.reminder.review:${w.cycleB.id}:` } }, select: { toAddress: true } });
    expect(reviewKeys.map((k) => k.toAddress)).toEqual([w.officerB.email]);
    expect(first.researchers).toBeGreaterThanOrEqual(1);
    // The job runs again the same day (a retry, another process): nothing new.
    expect(await sendReminders(now)).toEqual({ researchers: 0, officers: 0 });
    // Not a reminder day: nothing.
    expect(await sendReminders(new Date(now.getTime() + 2 * 86_400_000))).toEqual({ researchers: 0, officers: 0 });
    const m = await arrived(w.researcherB.email, (x) => x.subject.includes('あと7日'));
    expect(m.body).toContain('/disclosures');
    const o = await arrived(w.officerB.email, (x) => x.subject.includes('審査期限まであと14日'));
    expect(o.body).toContain('判断待ちの開示が1件');
    expect(inst.id).toBe(w.cycleB.institutionId);
  });
});
