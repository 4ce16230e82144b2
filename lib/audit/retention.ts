// Retiring a month of audit events under the retention policy (README.md, "Retention"): verify all,
// record the month as retired, detach its partition. The detached table is left for archiving
// (pg_dump -t) and dropping by the operator; verification takes the month's seal parts as recorded.
import 'server-only';
import { db } from '@/lib/db/client';
import { verifyAndCheckpoint } from './checkpoint';

export const RETENTION_YEARS = 10;

export async function retireAuditMonth(month: string, by: string, now = new Date()): Promise<{ partition: string; events: number }> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`month must be YYYY-MM, not ${month}`);
  const oldest = new Date(Date.UTC(now.getUTCFullYear() - RETENTION_YEARS, now.getUTCMonth(), 1)).toISOString().slice(0, 7);
  if (month >= oldest) throw new Error(`${month} is within the ${RETENTION_YEARS}-year retention period (months before ${oldest} may be retired)`);
  const report = await verifyAndCheckpoint({ full: true });
  if (!report.ok) throw new Error(`the audit trail does not verify (${report.brokenAt?.reason} at event ${report.brokenAt?.id}): nothing retired`);
  const partition = `AuditEvent_y${month.replace('-', 'm')}`;
  const cp = await db.auditCheckpoint.findFirstOrThrow({ where: { ok: true, full: true }, orderBy: { id: 'desc' } });
  const sealed = (cp.months as Record<string, number>)[month] ?? 0;
  return db.$transaction(async (tx) => {
    const [{ n }] = (await tx.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM "${partition}"`)) as [{ n: number }];
    if (n !== sealed) throw new Error(`${partition} holds ${n} events but ${sealed} are sealed: seal and verify first`);
    await tx.auditRetiredMonth.create({ data: { month, events: BigInt(n), retiredBy: by } });
    await tx.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DETACH PARTITION "${partition}"`);
    return { partition, events: n };
  });
}
