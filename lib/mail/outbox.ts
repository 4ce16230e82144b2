// Outgoing mail is written to the EmailMessage table inside the transaction of the change that causes
// it, so a notification exists exactly when the change committed. The dedupe key makes a notification
// go out once, whichever process or retry enqueues it.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import { mailBodyText, mailHeaderText, singleMailAddress } from '@/lib/security/sanitise';

export interface MailInput {
  /** Names the notification, e.g. `invite:<tokenHash>`; enqueueing it again does nothing. */
  dedupeKey: string;
  to: string;
  subject: string;
  text: string;
}

/** Queues a message in the caller's transaction; false when a message with this dedupe key exists. */
export async function enqueueMail(tx: Tx, m: MailInput): Promise<boolean> {
  // Subjects and bodies carry what people typed (a researcher's name, a reason): one header line each,
  // and one recipient, whatever they contain (no CR/LF header injection, no added recipients).
  const to = singleMailAddress(m.to);
  if (!to) throw new Error('enqueueMail: the recipient must be one plain address');
  const res = await tx.emailMessage.createMany({
    data: [{ dedupeKey: m.dedupeKey, toAddress: to, subject: mailHeaderText(m.subject), bodyText: mailBodyText(m.text) }],
    skipDuplicates: true,
  });
  return res.count === 1;
}
