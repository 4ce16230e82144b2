// The audit trail's background jobs (registered in lib/jobs/handlers.ts). Sealing is not one of them:
// it runs every few seconds, as its own loop (sealer.ts) beside the job workers.
import 'server-only';
import { db } from '@/lib/db/client';
import { enqueue } from '@/lib/jobs/boss';
import type { Actor } from '@/lib/auth/roles';
import { verifyAndCheckpoint } from './checkpoint';
import { recordAudit } from './record';

/** The sealer's old job name: its schedule is removed where an earlier version registered it. */
export const RETIRED_AUDIT_SCHEDULES = ['audit.seal'];
export const AUDIT_VERIFY_JOB = 'audit.verify';
export const AUDIT_VERIFY_FULL_JOB = 'audit.verify.full';
export const AUDIT_PARTITIONS_JOB = 'audit.partitions';

/** Partitions for this month and the next three exist before anyone writes into them. */
export async function ensureAuditPartitions(): Promise<void> {
  await db.$executeRaw`SELECT kaiji_audit_ensure_partitions(3)`;
}

/** An incremental verification, now (the audit page's button); one at a time, and the request audited. */
export async function requestAuditVerification(actor: Pick<Actor, 'userId' | 'email'>, origin: { ip: string | null; userAgent: string | null }): Promise<void> {
  await db.$transaction(async (tx) => {
    await recordAudit(tx, { action: 'audit.verify.request', actorId: actor.userId, actorEmail: actor.email, ...origin });
    await enqueue(AUDIT_VERIFY_JOB, {}, { singletonKey: AUDIT_VERIFY_JOB }, tx);
  });
}

export const AUDIT_JOBS: Record<string, (data: Record<string, unknown>) => Promise<void>> = {
  [AUDIT_VERIFY_JOB]: async () => {
    await verifyAndCheckpoint();
  },
  [AUDIT_VERIFY_FULL_JOB]: async () => {
    await verifyAndCheckpoint({ full: true });
  },
  [AUDIT_PARTITIONS_JOB]: ensureAuditPartitions,
};

export const AUDIT_SCHEDULES = [
  { name: AUDIT_VERIFY_JOB, cron: '*/5 * * * *' },
  { name: AUDIT_VERIFY_FULL_JOB, cron: '30 3 * * 0' },
  { name: AUDIT_PARTITIONS_JOB, cron: '10 0 * * *' },
];
