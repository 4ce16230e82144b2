// The one list of job kinds a worker runs and of the schedules it keeps. Features add their entries
// here (and register task kinds with registerTask in modules imported here).
import 'server-only';
// Task kinds registered by features (registerTask at module load).
import '@/lib/rules/tasks';
import '@/lib/watchlists/tasks';
import '@/lib/reports/export/task';
import '@/lib/review/tasks';
import { AUDIT_JOBS, AUDIT_SCHEDULES } from '@/lib/audit/jobs';
import { deliverPending } from '@/lib/mail/deliver';
import { purgeExpiredExports } from '@/lib/reports/export/store';
import { REVIEW_REMINDERS_CRON, REVIEW_REMINDERS_JOB, runReviewReminders } from '@/lib/review/jobs';

export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export const JOBS: Record<string, JobHandler> = {
  // Retries mail that could not go out right after its transaction (SMTP down, a process stopped).
  'mail.deliver': async () => {
    await deliverPending();
  },
  [REVIEW_REMINDERS_JOB]: runReviewReminders,
  'reports.exports.purge': purgeExpiredExports,
  ...AUDIT_JOBS,
};

export const SCHEDULES: { name: string; cron: string }[] = [
  { name: 'mail.deliver', cron: '* * * * *' },
  { name: REVIEW_REMINDERS_JOB, cron: REVIEW_REMINDERS_CRON },
  { name: 'reports.exports.purge', cron: '17 * * * *' },
  ...AUDIT_SCHEDULES,
];
