// Issue 12, item 9: the publication variant was one row per disclosure in its record list and export,
// so a count withheld as "< 5" could be recounted from the rows. Publication output is aggregates only:
// no record list, page or export of records in that variant, wherever it is asked for.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as recordsExport } from '@/app/api/exports/records/route';
import { GET as reportExport } from '@/app/api/exports/report/route';
import { NotFoundError } from '@/lib/errors';
import { db } from '@/lib/db/client';
import { prepareExport } from '@/lib/reports/export/run';
import { reportWorld, worldActors } from '@/test/helpers/report-world';
import { appRequest, signInAs } from '@/test/helpers/route-request';

vi.mock('@/lib/auth/actor', async (original) => (await import('@/test/helpers/route-request')).actorModule(await original()));
vi.mock('next-intl/server', async () => (await import('@/test/helpers/route-request')).intlServerModule);

let actors: Awaited<ReturnType<typeof worldActors>>;
beforeAll(async () => {
  actors = await worldActors(await reportWorld());
  await signInAs(actors.national);
});

describe('publication output is aggregates only', () => {
  it('has no record export, for any figure', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      await expect(prepareExport(actors.national, { kind: 'records', format, filter: { fiscalYear: 2026, publication: true }, locale: 'en' })).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('the export route answers the audited 404 for records with pub=1, and still serves the aggregate report', async () => {
    for (const q of ['format=csv&fy=2026&pub=true', 'format=xlsx&fy=2026&pub=true', 'format=csv&fy=2026&pub=true&talent=any']) {
      const before = await db.auditEvent.count({ where: { action: 'access.denied', actorId: actors.national.userId } });
      const res = await recordsExport(appRequest(`/api/exports/records?${q}`));
      expect(res.status, q).toBe(404);
      expect(await db.auditEvent.count({ where: { action: 'access.denied', actorId: actors.national.userId } })).toBe(before + 1);
    }
    const report = await reportExport(appRequest('/api/exports/report?report=breakdowns&format=csv&fy=2026&pub=true'));
    expect(report.status).toBe(200);
    // Without publication the record list is there as before.
    const records = await recordsExport(appRequest('/api/exports/records?format=csv&fy=2026'));
    expect(records.status).toBe(200);
    await records.body?.cancel();
  });
});
