// Mail through a real SMTP server started here (smtp-server), read back as it arrived.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteUserAction } from '@/lib/admin/people-actions';
import { runAction } from '@/lib/actions/action';
import { db } from '@/lib/db/client';
import { MAX_ATTEMPTS, deliverPending } from '@/lib/mail/deliver';
import { enqueueMail } from '@/lib/mail/outbox';
import { outboxFor } from '@/lib/mail/outbox-view';
import { adminWorld } from '@/test/helpers/actors';

interface Received {
  from: string;
  to: string[];
  raw: string;
}
const inbox: Received[] = [];
let server: SMTPServer;
let smtpUrl = '';

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('bounce')) return cb(new Error('550 no such mailbox'));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  // The app reads these through env() on first use: from here on it delivers to this server.
  process.env.SMTP_URL = smtpUrl;
  process.env.MAIL_FROM = 'Kaiji Test <kaiji@test.invalid>';
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const decoded = (raw: string) => {
  // Bodies are quoted-printable or base64 depending on content; decode enough to read them.
  const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n\n');
  const qp = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, h: string) => `%${h}`);
  try {
    return decodeURIComponent(qp);
  } catch {
    return Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  }
};

describe('mail', () => {
  it('is sent once per dedupe key, through SMTP, and marked sent', async () => {
    const tag = `t1-${Date.now()}`;
    await db.$transaction(async (tx) => {
      expect(await enqueueMail(tx, { dedupeKey: `${tag}:a`, to: 'alice@kaiji.test', subject: 'Hello Alice', text: 'Body A 開示' })).toBe(true);
      expect(await enqueueMail(tx, { dedupeKey: `${tag}:a`, to: 'alice@kaiji.test', subject: 'Hello again', text: 'dup' })).toBe(false);
      expect(await enqueueMail(tx, { dedupeKey: `${tag}:b`, to: 'bob@kaiji.test', subject: 'Hello Bob', text: 'Body B' })).toBe(true);
    });
    const before = inbox.length;
    expect(await deliverPending({ smtpUrl })).toEqual({ sent: 2, failed: 0 });
    const got = inbox.slice(before);
    expect(got.map((m) => m.to[0]).sort()).toEqual(['alice@kaiji.test', 'bob@kaiji.test']);
    const alice = got.find((m) => m.to[0] === 'alice@kaiji.test')!;
    expect(alice.from).toBe('kaiji@test.invalid');
    expect(alice.raw).toMatch(/^Subject: Hello Alice/m);
    expect(decoded(alice.raw)).toContain('Body A 開示');
    const rows = await db.emailMessage.findMany({ where: { dedupeKey: { startsWith: tag } } });
    expect(rows.map((r) => [r.status, r.attempts, r.sentAt !== null])).toEqual([
      ['SENT', 1, true],
      ['SENT', 1, true],
    ]);
    // Nothing left to send: a second run sends nothing.
    expect(await deliverPending({ smtpUrl })).toEqual({ sent: 0, failed: 0 });
    expect(inbox.length).toBe(before + 2);
  });

  it('never sends a message twice when several processes deliver at once', async () => {
    const tag = `t2-${Date.now()}`;
    await db.$transaction(async (tx) => {
      for (let i = 0; i < 12; i++) await enqueueMail(tx, { dedupeKey: `${tag}:${i}`, to: `p${i}@kaiji.test`, subject: `${tag} ${i}`, text: 'x' });
    });
    const before = inbox.length;
    const results = await Promise.all([deliverPending({ smtpUrl }), deliverPending({ smtpUrl }), deliverPending({ smtpUrl })]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(12);
    const got = inbox.slice(before).map((m) => m.to[0]);
    expect(got).toHaveLength(12);
    expect(new Set(got).size).toBe(12);
  });

  it('records failed attempts and gives up after the last one', async () => {
    const tag = `t3-${Date.now()}`;
    await db.$transaction((tx) => enqueueMail(tx, { dedupeKey: tag, to: 'bounce@kaiji.test', subject: 'x', text: 'x' }));
    expect(await deliverPending({ smtpUrl })).toEqual({ sent: 0, failed: 1 });
    let row = await db.emailMessage.findUniqueOrThrow({ where: { dedupeKey: tag } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
    expect(row.lastError).toMatch(/550|mailbox/);
    for (let i = 1; i < MAX_ATTEMPTS; i++) await deliverPending({ smtpUrl });
    row = await db.emailMessage.findUniqueOrThrow({ where: { dedupeKey: tag } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS });
  });

  it('an invitation is delivered right after the change commits', async () => {
    const w = await adminWorld();
    const before = inbox.length;
    const res = await runAction(inviteUserAction.definition, w.system, { email: 'invitee@kaiji.test', displayName: 'Invitee', institutionId: w.a.id, role: 'OFFICER', locale: 'en' });
    expect(res.ok).toBe(true);
    const got = inbox.slice(before);
    expect(got.map((m) => m.to[0])).toEqual(['invitee@kaiji.test']);
    expect(got[0]!.raw).toMatch(/^Subject: Kaiji: your invitation from /m);
    expect(decoded(got[0]!.raw)).toMatch(/http:\/\/localhost:3000\/account\/accept\/[\w-]{43}/);
    expect((await db.emailMessage.findFirstOrThrow({ where: { toAddress: 'invitee@kaiji.test' } })).status).toBe('SENT');
  });

  it('the demo outbox shows people their own mail, and administrators the mail of the people they manage', async () => {
    const w = await adminWorld();
    const tag = `t5-${Date.now()}`;
    await db.$transaction(async (tx) => {
      await enqueueMail(tx, { dedupeKey: `${tag}:officer`, to: w.officer.email, subject: `${tag} for the officer`, text: 'x' });
      await enqueueMail(tx, { dedupeKey: `${tag}:stranger`, to: 'stranger@elsewhere.test', subject: `${tag} for a stranger`, text: 'x' });
    });
    const subjects = async (actor: typeof w.officer) => (await outboxFor(actor, { take: 1000 })).map((m) => m.subject).filter((s) => s.startsWith(tag));
    expect(await subjects(w.officer)).toEqual([`${tag} for the officer`]);
    expect(await subjects(w.researcher)).toEqual([]);
    expect(await subjects(w.adminA)).toEqual([`${tag} for the officer`]);
    expect((await subjects(w.system)).sort()).toEqual([`${tag} for a stranger`, `${tag} for the officer`]);
  });
});
