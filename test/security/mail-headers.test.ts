// Item 10 (mail): researcher-typed text goes into plain-text mail. Whatever it holds, each message keeps
// one Subject line, its one recipient and no header of the sender's making — checked on what a real
// SMTP server (smtp-server) received.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { deliverPending } from '@/lib/mail/deliver';
import { enqueueMail } from '@/lib/mail/outbox';
import { renderMail } from '@/lib/mail/render';

interface Received {
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
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const headersOf = (raw: string) => raw.split(/\r\n\r\n/)[0]!;

const INJECTIONS = [
  'Taro\r\nBcc: victim@evil.example\r\nX-Injected: yes',
  'Taro\nBcc: victim@evil.example',
  'Taro\rX-Injected: yes',
  'Taro\u2028X-Injected: yes\u0085X-Also: yes',
  'Taro\u0000\u202E\r\n\r\nforged body\r\n.\r\nMAIL FROM:<evil@evil.example>',
];

describe('mail header injection', () => {
  it('a researcher name with CR/LF stays inside one Subject line; no recipient or header is added', async () => {
    const tag = `inj-${Date.now()}`;
    await db.$transaction(async (tx) => {
      for (const [i, researcher] of INJECTIONS.entries()) {
        const mail = renderMail('en', 'review.submitted', { name: 'Officer', researcher, cycle: 'FY2026', version: 1, deadline: 'soon', link: 'http://localhost/review/x' });
        await enqueueMail(tx, { dedupeKey: `${tag}:${i}`, to: `officer${i}@kaiji.test`, ...mail });
      }
    });
    const before = inbox.length;
    expect(await deliverPending({ smtpUrl, from: 'kaiji@test.invalid' })).toEqual({ sent: INJECTIONS.length, failed: 0 });
    const got = inbox.slice(before);
    expect(got).toHaveLength(INJECTIONS.length);
    for (const m of got) {
      expect(m.to).toHaveLength(1);
      expect(m.to[0]).toMatch(/^officer\d@kaiji\.test$/);
      const headers = headersOf(m.raw);
      expect(headers).not.toMatch(/^(Bcc|X-Injected|X-Also|MAIL FROM):/im);
      expect(headers.match(/^Subject:/gim)).toHaveLength(1);
    }
  });

  it('stores the cleaned text, and refuses a recipient list in place of one address', async () => {
    await db.$transaction(async (tx) => {
      await enqueueMail(tx, { dedupeKey: `clean-${Date.now()}`, to: 'one@kaiji.test', subject: 'a\r\nb\u202E', text: 'line1\r\nline2\u0000' });
    });
    const row = await db.emailMessage.findFirstOrThrow({ where: { toAddress: 'one@kaiji.test' } });
    expect(row).toMatchObject({ subject: 'a b', bodyText: 'line1\nline2' });
    await expect(
      db.$transaction((tx) => enqueueMail(tx, { dedupeKey: `list-${Date.now()}`, to: 'a@kaiji.test, b@evil.example', subject: 's', text: 't' })),
    ).rejects.toThrow('one plain address');
  });
});
