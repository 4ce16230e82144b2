// Sends queued mail through SMTP. Each message is claimed with FOR UPDATE SKIP LOCKED inside its own
// short transaction and marked sent before the lock is released, so any number of app processes (or the
// periodic job) can call this at once without sending anything twice. Without SMTP_URL (demo) nothing
// is sent: messages stay queued and are readable on the /outbox page.
import 'server-only';
import nodemailer from 'nodemailer';
import { db } from '@/lib/db/client';
import { env } from '@/lib/env';
import { mailBodyText, mailHeaderText, singleMailAddress } from '@/lib/security/sanitise';

export const MAX_ATTEMPTS = 5;

export interface DeliverOptions {
  smtpUrl?: string;
  from?: string;
  /** Most messages to try in this call. */
  limit?: number;
}

interface Claimed {
  id: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  attempts: number;
}

export async function deliverPending(o: DeliverOptions = {}): Promise<{ sent: number; failed: number }> {
  const counts = { sent: 0, failed: 0 };
  const smtpUrl = o.smtpUrl ?? env().SMTP_URL;
  if (!smtpUrl) return counts;
  const from = o.from ?? env().MAIL_FROM;
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  const tried: string[] = [];
  try {
    for (let i = 0; i < (o.limit ?? 50); i++) {
      const claimed = await db.$transaction(
        async (tx) => {
          const rows = await tx.$queryRaw<Claimed[]>`
            SELECT id::text, "toAddress", subject, "bodyText", attempts FROM "EmailMessage"
            WHERE status = 'PENDING' AND NOT (id = ANY(${tried}::uuid[]))
            ORDER BY "createdAt", id LIMIT 1 FOR UPDATE SKIP LOCKED`;
          const m = rows[0];
          if (!m) return null;
          tried.push(m.id);
          try {
            // Cleaned again at the wire: rows queued before enqueueMail cleaned them, or written by hand.
            const to = singleMailAddress(m.toAddress);
            if (!to) throw new Error('not a single plain address');
            await transport.sendMail({ from, to, subject: mailHeaderText(m.subject), text: mailBodyText(m.bodyText), messageId: `<${m.id}@kaiji.mail>` });
            await tx.emailMessage.update({ where: { id: m.id }, data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 }, lastError: null } });
            counts.sent++;
          } catch (err) {
            const attempts = m.attempts + 1;
            await tx.emailMessage.update({
              where: { id: m.id },
              data: { attempts, lastError: String((err as Error).message ?? err).slice(0, 500), status: attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING' },
            });
            counts.failed++;
          }
          return m;
        },
        { timeout: 90_000, maxWait: 10_000 },
      );
      if (!claimed) break;
    }
  } finally {
    transport.close();
  }
  return counts;
}

/** For callers right after a commit: delivery problems are recorded on the message, never thrown at the user. */
export async function deliverSoon(): Promise<void> {
  try {
    await deliverPending();
  } catch (err) {
    console.error('[mail] delivery failed', err);
  }
}
