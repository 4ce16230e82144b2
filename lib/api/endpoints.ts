// The read API's operations as plain functions of the caller and their parsed parameters. Each one calls
// the reports layer with the caller's actor and purposes, exactly as the pages do.
import 'server-only';
import type { z } from 'zod';
import { disclosureDetail } from '@/lib/reports/detail';
import type { FigureValue } from '@/lib/reports/figure';
import { defaultFiscalYear, reportFiscalYearCounts, reportInstitutions } from '@/lib/reports/institutions';
import { DEFAULT_THRESHOLD_JPY, DEFAULT_WINDOW_YEARS, type Figure, type RecordFilter, reportPart } from '@/lib/reports/params';
import { listRecords, recordQuery } from '@/lib/reports/records';
import { talentGrants } from '@/lib/reports/talent-grants';
import { openCursor, sealCursor } from './cursor';
import { type ApiContext, BadRequestError } from './http';
import { PAGE_LIMIT, type disclosurePath, type listDisclosuresQuery, type talentGrantsQuery } from './query-schemas';

type DisclosuresQuery = z.output<typeof listDisclosuresQuery>;
type TalentQuery = z.output<typeof talentGrantsQuery>;

function recordFilterOf(q: Partial<DisclosuresQuery> & TalentQuery): RecordFilter {
  return {
    fiscalYear: q.fiscalYear,
    institutionIds: q.institutionId ?? [],
    publication: q.publication ?? false,
    threshold: q.threshold ?? DEFAULT_THRESHOLD_JPY,
    window: q.window ?? DEFAULT_WINDOW_YEARS,
    group: q.group,
    status: q.status,
    severity: q.severity,
    institution: q.institution,
    country: q.country,
    programme: q.programme,
    rule: q.rule,
    flagged: q.flagged,
    submitted: q.submitted,
    talent: q.talent,
    entry: q.entry,
    watchlist: q.watchlist,
    listed: q.listed,
  };
}

/** The query of a filter in the API's documented parameter names (only what differs from the defaults). */
export function apiQuery(f: Partial<RecordFilter>): URLSearchParams {
  const q = new URLSearchParams();
  if (f.fiscalYear !== undefined) q.set('fiscalYear', String(f.fiscalYear));
  for (const id of f.institutionIds ?? []) q.append('institutionId', id);
  if (f.publication) q.set('publication', 'true');
  if (f.threshold !== undefined && f.threshold !== DEFAULT_THRESHOLD_JPY) q.set('threshold', f.threshold.toString());
  if (f.window !== undefined && f.window !== DEFAULT_WINDOW_YEARS) q.set('window', String(f.window));
  if (f.group) q.set('group', f.group);
  const keys = ['status', 'severity', 'institution', 'country', 'programme', 'rule', 'talent', 'entry', 'watchlist', 'listed'] as const;
  for (const key of keys) if (f[key]) q.set(key, String(f[key]));
  if (f.flagged) q.set('flagged', 'true');
  if (f.submitted) q.set('submitted', 'true');
  return q;
}

export async function getInstitutions(ctx: ApiContext) {
  const rows = await reportInstitutions(ctx.actor, ctx.purposes);
  return { body: { data: rows }, rows: rows.length };
}

export async function getFiscalYears(ctx: ApiContext) {
  const rows = await reportFiscalYearCounts(ctx.actor, ctx.purposes);
  return { body: { data: rows }, rows: rows.length };
}

export async function getDisclosures(ctx: ApiContext, { query }: { query: DisclosuresQuery }) {
  const filter = recordFilterOf(query);
  const fiscalYear = filter.fiscalYear ?? (await defaultFiscalYear(ctx.actor, ctx.purposes));
  const full = { ...filter, fiscalYear };
  const q = await recordQuery(ctx.actor, full, { purposes: ctx.purposes, locale: 'en' });
  // The cursor is bound to this query and to what this token may read, so it cannot be replayed elsewhere.
  const binding = JSON.stringify([ctx.tokenId, ctx.purposes, q.scope.institutions, apiQuery(full).toString()]);
  let after: string | undefined;
  if (query.cursor) {
    const position = openCursor(query.cursor, binding);
    if (!position) throw new BadRequestError('cursor', 'is not a cursor of this query and token; start again without a cursor');
    after = position;
  }
  const limit = query.limit ?? PAGE_LIMIT.default;
  const [page, institutions] = await Promise.all([listRecords(q, { cursor: after, limit }), reportInstitutions(ctx.actor, ctx.purposes)]);
  const names = new Map(institutions.map((i) => [i.id, i]));
  const nextCursor = page.nextCursor ? sealCursor(page.nextCursor, binding) : null;
  const next = apiQuery(full);
  if (query.limit !== undefined) next.set('limit', String(limit));
  if (nextCursor) next.set('cursor', nextCursor);
  return {
    rows: page.rows.length,
    body: {
      fiscalYear,
      data: page.rows.map((r) => {
        const inst = names.get(r.institutionId);
        return {
          id: r.id,
          fiscalYear: r.fiscalYear,
          institution: { id: r.institutionId, nameJa: inst?.nameJa ?? r.institution, nameEn: inst?.nameEn ?? r.institution },
          researcherName: r.researcherName,
          eradNumber: r.eradNumber,
          status: r.status,
          maxSeverity: r.maxSeverity,
          findingCount: r.findingCount,
          pendingMatches: r.pendingMatches,
          version: r.version,
          lastSubmittedAt: r.lastSubmittedAt,
          talentProgrammes: r.talentProgrammes,
          grantTotalJpy: r.grantTotalJpy,
        };
      }),
      nextCursor,
      links: { next: nextCursor ? `/api/v1/disclosures?${next.toString()}` : null },
    },
  };
}

export async function getDisclosure(ctx: ApiContext, { path }: { path: z.output<typeof disclosurePath> }) {
  return { body: { data: await disclosureDetail(ctx.actor, path.id, ctx.purposes) }, rows: 1 };
}

export async function getTalentGrants(ctx: ApiContext, { query }: { query: TalentQuery }) {
  const r = await talentGrants(ctx.actor, reportPart(recordFilterOf(query)), ctx.purposes);
  const params = r.context.params;
  const records = (f: Figure) => `/api/v1/disclosures?${apiQuery({ ...params, ...f }).toString()}`;
  // The publication variant links to no records: it has no record list (see listDisclosuresQuery).
  const fig = (v: FigureValue) => ({ count: v.n, suppressed: v.suppressed, records: v.suppressed || params.publication ? null : records(v.figure) });
  const figures = (t: (typeof r)['totals']) => ({
    talent: fig(t.talent),
    aboveThreshold: fig(t.aboveThreshold),
    aboveTotalJpy: t.aboveTotalJpy,
    aboveLargestJpy: t.aboveLargestJpy,
    atGroup: fig(t.atGroup),
    onWatchlist: fig(t.onWatchlist),
    onWatchlistThen: fig(t.onWatchlistThen),
  });
  return {
    body: {
      fiscalYear: params.fiscalYear,
      thresholdJpy: r.threshold,
      window: r.window,
      windowFiscalYears: r.windowYears,
      publication: params.publication,
      publicationMinimum: r.context.suppression.minimum,
      group: { code: r.group.code, found: r.group.found, nameEn: r.group.nameEn, nameJa: r.group.nameJa, isSample: r.group.isSample },
      totals: figures(r.totals),
      byInstitution: r.byInstitution.map((i) => ({ institution: { id: i.institutionId, nameJa: i.nameJa, nameEn: i.nameEn }, ...figures(i) })),
      byGroupEntry: r.byGroupEntry.map((e) => ({ entryId: e.entryId, name: e.name, nameJa: e.nameJa, ...fig(e.value) })),
      byWatchlist: r.byWatchlist.map((l) => ({ code: l.code, nameEn: l.nameEn, nameJa: l.nameJa, isSample: l.isSample, ...fig(l.value), then: fig(l.then) })),
    },
  };
}
