// Outgoing mail is written to the EmailMessage table inside the transaction of the change that causes
// it, so a notification exists exactly when the change committed. The dedupe key makes a notification
// go out once, whichever process or retry enqueues it.
import 'server-only';
import type { Tx } from '@/lib/db/client';

export interface MailInput {
  /** Names the notification, e.g. `invite:<tokenHash>`; enqueueing it again does nothing. */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
}

/** Queues a message in the caller's transaction; false when a message with this dedupe key exists. */
export async function enqueueMail(tx: Tx, m: MailInput): Promise<boolean> {
  const res = await tx.emailMessage.createMany({
    data: [{ dedupeKey: m.dedupeKey, toAddress: m.to, subject: m.subject, bodyText: m.text }],
    skipDuplicates: true,
  });
  return res.count === 1;
}
