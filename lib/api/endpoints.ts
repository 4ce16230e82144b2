// The read API's endpoints as plain functions of the caller (tested without HTTP). Each one calls the
// reports layer with the caller's actor and purposes, exactly as the pages do.
import 'server-only';
import { z } from 'zod';
import { disclosureDetail } from '@/lib/reports/detail';
import type { FigureValue } from '@/lib/reports/figure';
import { defaultFiscalYear, reportInstitutions } from '@/lib/reports/institutions';
import { type Figure, filterQuery, parseRecordFilter, reportPart } from '@/lib/reports/params';
import { listRecords, recordQuery } from '@/lib/reports/records';
import { talentGrants } from '@/lib/reports/talent-grants';
import type { ApiContext } from './http';

const pageSchema = z.object({
  cursor: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

function filterOf(url: URL) {
  const parsed = parseRecordFilter(url.searchParams);
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

export async function getInstitutions(ctx: ApiContext) {
  const rows = await reportInstitutions(ctx.actor, ctx.purposes);
  return { body: { data: rows }, rows: rows.length };
}

export async function getDisclosures(ctx: ApiContext) {
  const filter = filterOf(ctx.url);
  const page = pageSchema.parse({ cursor: ctx.url.searchParams.get('cursor') ?? undefined, limit: ctx.url.searchParams.get('limit') ?? undefined });
  const fiscalYear = filter.fiscalYear ?? (await defaultFiscalYear(ctx.actor, ctx.purposes));
  const q = await recordQuery(ctx.actor, { ...filter, fiscalYear }, { purposes: ctx.purposes, locale: 'en' });
  const { rows, nextCursor } = await listRecords(q, page);
  const next = nextCursor ? new URL(ctx.url) : null;
  next?.searchParams.set('cursor', nextCursor!);
  return {
    rows: rows.length,
    body: {
      fiscalYear,
      data: rows.map((r) => ({
        id: r.id,
        fiscalYear: r.fiscalYear,
        institution: { id: r.institutionId, name: r.institution },
        researcherName: r.researcherName,
        eradNumber: r.eradNumber,
        status: r.status,
        maxSeverity: r.maxSeverity,
        findingCount: r.findingCount,
        pendingMatches: r.pendingMatches,
        version: r.version,
        lastSubmittedAt: r.lastSubmittedAt,
        talentProgrammes: r.talentProgrammes,
        ...(r.grantTotalJpy !== null ? { grantTotalJpy: r.grantTotalJpy } : {}),
      })),
      nextCursor,
      links: { next: next ? `${next.pathname}${next.search}` : null },
    },
  };
}

export async function getDisclosure(ctx: ApiContext, id: string) {
  return { body: { data: await disclosureDetail(ctx.actor, id, ctx.purposes) }, rows: 1 };
}

export async function getTalentGrants(ctx: ApiContext) {
  const filter = filterOf(ctx.url);
  const r = await talentGrants(ctx.actor, reportPart(filter), ctx.purposes);
  const params = r.context.params;
  const records = (f: Figure) => `/api/v1/disclosures?${filterQuery({ ...params, ...f })}`;
  const fig = (v: FigureValue) => ({ count: v.n, suppressed: v.suppressed, records: v.suppressed ? null : records(v.figure) });
  const figures = (t: (typeof r)['totals']) => ({
    talent: fig(t.talent),
    aboveThreshold: fig(t.aboveThreshold),
    aboveTotalJpy: t.aboveTotalJpy,
    aboveLargestJpy: t.aboveLargestJpy,
    atGroup: fig(t.atGroup),
    onWatchlist: fig(t.onWatchlist),
  });
  return {
    body: {
      fiscalYear: params.fiscalYear,
      thresholdJpy: r.threshold,
      window: r.window,
      windowFiscalYears: r.windowYears,
      publication: params.publication,
      publicationMinimum: r.context.suppression.minimum,
      group: r.group,
      totals: figures(r.totals),
      byInstitution: r.byInstitution.map((i) => ({ institution: { id: i.institutionId, nameJa: i.nameJa, nameEn: i.nameEn }, ...figures(i) })),
      byGroupEntry: r.byGroupEntry.map((e) => ({ entryId: e.entryId, name: e.name, nameJa: e.nameJa, ...fig(e.value) })),
      byWatchlist: r.byWatchlist.map((l) => ({ code: l.code, nameEn: l.nameEn, nameJa: l.nameJa, isSample: l.isSample, ...fig(l.value) })),
    },
  };
}
