// The review feature's background jobs (registered in lib/jobs/handlers.ts).
import 'server-only';
import { deliverSoon } from '@/lib/mail/deliver';
import { sendReminders } from './reminders';

export const REVIEW_REMINDERS_JOB = 'review.reminders';
/** Every day at 09:00; the worker schedules in Asia/Tokyo. */
export const REVIEW_REMINDERS_CRON = '0 9 * * *';

export async function runReviewReminders(): Promise<void> {
  const counts = await sendReminders();
  if (counts.researchers || counts.officers) await deliverSoon();
}
