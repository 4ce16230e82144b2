// Issue 12, item 10: a draft is the researcher's alone until it is submitted. Officers and auditors of
// its institution cannot reach it anywhere — review page data, queue, attachment download, report
// records, figures and exports — because the shared scopes (lib/auth/scopes.ts) leave drafts out. A file
// added to a submitted disclosure while an update is being prepared is the researcher's alone too.
import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { openAttachment } from '@/lib/filing/attachments';
import { prepareExport, runExport } from '@/lib/reports/export/run';
import { overview } from '@/lib/reports/overview';
import { recordFilterSchema, reportParamsSchema } from '@/lib/reports/params';
import { listRecords, recordQuery } from '@/lib/reports/records';
import { reviewDetail } from '@/lib/review/detail';
import { listQueue } from '@/lib/review/queue';
import { parseQueueParams } from '@/lib/review/queue-params';
import { actorFor } from '@/test/helpers/actors';
import { reportWorld, worldActors } from '@/test/helpers/report-world';
import { PassThrough } from 'node:stream';

let w: Awaited<ReturnType<typeof reportWorld>>;
let actors: Awaited<ReturnType<typeof worldActors>>;
let draft: { id: string; researcherId: string; researcherName: string };
let drafter: Actor;
const origin = { ip: '10.0.0.8', userAgent: 'vitest' };

async function attach(disclosureId: string, uploadedById: string, createdAt = new Date()) {
  const data = Buffer.from(`%PDF-1.4 draft contract ${randomUUID()}`);
  const sha256 = createHash('sha256').update(data).digest('hex');
  await db.attachmentBlob.create({ data: { sha256, data } });
  return db.attachment.create({
    data: { disclosureId, uploadedById, kind: 'CONTRACT', fileName: 'contract.pdf', mediaType: 'application/pdf', sizeBytes: data.length, sha256, createdAt },
  });
}

beforeAll(async () => {
  w = await reportWorld();
  actors = await worldActors(w);
  draft = await db.disclosure.findFirstOrThrow({ where: { institutionId: w.a.id, status: 'DRAFT' }, select: { id: true, researcherId: true, researcherName: true } });
  drafter = await actorFor(draft.researcherId);
});

describe('a draft is the researcher’s alone', () => {
  it('its attachment downloads for the researcher only', async () => {
    const file = await attach(draft.id, draft.researcherId);
    expect((await openAttachment(drafter, file.id, origin)).fileName).toBe('contract.pdf');
    for (const actor of [actors.officerA, actors.national, actors.auditorA]) {
      await expect(openAttachment(actor, file.id, origin)).rejects.toBeInstanceOf(NotFoundError);
    }
  });

  it('is not on the review page or in the queue of its institution’s officer', async () => {
    expect(await reviewDetail(actors.officerA, draft.id)).toBeNull();
    const all = parseQueueParams({ status: ['SUBMITTED', 'UNDER_REVIEW', 'RETURNED', 'RESUBMITTED', 'APPROVED', 'FLAGGED'] });
    expect((await listQueue(actors.officerA, all, { pageSize: 200 })).rows.map((r) => r.id)).not.toContain(draft.id);
  });

  it('is in no report record list, figure or export, even when asked for by status', async () => {
    for (const filter of [recordFilterSchema.parse({ fiscalYear: 2026 }), recordFilterSchema.parse({ fiscalYear: 2026, status: 'DRAFT' })]) {
      for (const [actor, purposes] of [[actors.national, ['audit']], [actors.auditorA, ['audit']], [actors.officerA, ['review']]] as const) {
        const q = await recordQuery(actor, { ...filter, fiscalYear: 2026 }, { purposes: [...purposes] });
        const ids = (await listRecords(q, { limit: 500 })).rows.map((r) => r.id);
        expect(ids).not.toContain(draft.id);
      }
    }
    const o = await overview(actors.national, reportParamsSchema.parse({ fiscalYear: 2026 }));
    expect(o.total.n).toBe(8);
    expect(o.byStatus.find((s) => s.status === 'DRAFT')?.value.n ?? 0).toBe(0);
    for (const format of ['csv', 'xlsx'] as const) {
      const prepared = await prepareExport(actors.national, { kind: 'records', format, filter: { fiscalYear: 2026 }, locale: 'en' });
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await runExport(actors.national, prepared, out);
      if (format === 'csv') expect(Buffer.concat(chunks).toString('utf8')).not.toContain(draft.researcherName);
      expect(prepared.expectedRows).toBe(8);
    }
  });

  it('a file added while an update is prepared stays the researcher’s until it is submitted', async () => {
    const submitted = await db.disclosure.findUniqueOrThrow({ where: { id: w.people.A2!.disclosureId }, select: { id: true, researcherId: true, lastSubmittedAt: true } });
    const before = await attach(submitted.id, submitted.researcherId, new Date(submitted.lastSubmittedAt!.getTime() - 60_000));
    const after = await attach(submitted.id, submitted.researcherId);
    const researcher = await actorFor(submitted.researcherId);
    expect((await openAttachment(actors.officerA, before.id, origin)).data.length).toBe(before.sizeBytes);
    expect((await openAttachment(actors.national, before.id, origin)).data.length).toBe(before.sizeBytes);
    await expect(openAttachment(actors.officerA, after.id, origin)).rejects.toBeInstanceOf(NotFoundError);
    await expect(openAttachment(actors.national, after.id, origin)).rejects.toBeInstanceOf(NotFoundError);
    expect((await openAttachment(researcher, after.id, origin)).data.length).toBe(after.sizeBytes);
  });
});
