// The questions a journalist or a ministry asks (see docs: "Why it exists"), for one fiscal year in scope:
// - how many researchers disclosed taking part in a foreign talent-recruitment programme (a programme
//   item in the latest submitted version of their disclosure for the cycle);
// - of those, how many received domestic grants (DomesticGrant, by e-Rad number) totalling more than
//   `threshold` yen over the `window` fiscal years ending with the report's year — with the total and
//   the largest of those amounts;
// - how many hold an appointment at, or are sponsored by, an organisation of the GROUP watchlist (the
//   SASTIND universities), and how many name an organisation matched (pending or confirmed) to a
//   watchlist; broken down by the researcher's institution, by group organisation and by watchlist.
// One disclosure per researcher and cycle, so researchers and disclosures are counted alike.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { type ReportContext, reportContext } from './context';
import { type FigureValue, breakdown, figure } from './figure';
import { type GroupSpec, loadGroup } from './group';
import type { ReportParams } from './params';
import { query } from './pg';
import { BASE_FROM, TALENT, atGroup, grantTotal, onWatchlist, reportWhere } from './predicates';
import type { ReportPurpose } from './scope';
import { raw, sql } from './sql';
import { suppressAmount } from './suppress';

export interface TalentFigures {
  talent: FigureValue;
  aboveThreshold: FigureValue;
  /** Sum and largest of the grant totals of the researchers above the threshold (null: withheld or none). */
  aboveTotalJpy: bigint | null;
  aboveLargestJpy: bigint | null;
  atGroup: FigureValue;
  /** Naming an organisation matched to an entry listed now… */
  onWatchlist: FigureValue;
  /** …and to an entry listed at some time during the report's fiscal year (removed since or not). */
  onWatchlistThen: FigureValue;
}

export interface TalentGrantsReport {
  context: ReportContext;
  threshold: bigint;
  window: number;
  /** Fiscal years of the grant window, inclusive. */
  windowYears: [number, number];
  group: Pick<GroupSpec, 'code' | 'found' | 'nameEn' | 'nameJa' | 'isSample'>;
  totals: TalentFigures;
  byInstitution: ({ institutionId: string; nameJa: string; nameEn: string } & TalentFigures)[];
  byGroupEntry: { entryId: string; name: string; nameJa: string | null; value: FigureValue }[];
  /** Per list: `value` listed now, `then` listed at the time (during the fiscal year). */
  byWatchlist: { code: string; nameEn: string; nameJa: string; isSample: boolean; value: FigureValue; then: FigureValue }[];
}

interface Row {
  institutionId: string | null;
  nameJa: string | null;
  nameEn: string | null;
  talent: number;
  above: number;
  aboveTotal: string;
  aboveLargest: string | null;
  atGroup: number;
  onWatchlist: number;
  onWatchlistThen: number;
}

export async function talentGrants(actor: Actor, params: ReportParams, purposes?: ReportPurpose[]): Promise<TalentGrantsReport> {
  const context = await reportContext(actor, params, purposes);
  const { scope, suppression: s } = context;
  const { fiscalYear, threshold, window } = context.params;
  const group = await loadGroup(params.group);
  const where = sql`${reportWhere(scope, fiscalYear)} AND ${TALENT}`;

  const rows = await query<Row>(sql`
    WITH t AS (
      SELECT d."institutionId", i."nameJa", i."nameEn",
        ${grantTotal(fiscalYear, window)} AS grant_total,
        ${atGroup(group)} AS at_group,
        ${onWatchlist()} AS on_watchlist,
        ${onWatchlist(null, fiscalYear)} AS on_watchlist_then
      FROM ${BASE_FROM} WHERE ${where}
    )
    SELECT "institutionId"::text AS "institutionId", min("nameJa") AS "nameJa", min("nameEn") AS "nameEn",
      count(*)::int AS talent,
      count(*) FILTER (WHERE grant_total > ${threshold}::bigint)::int AS above,
      COALESCE(sum(grant_total) FILTER (WHERE grant_total > ${threshold}::bigint), 0)::text AS "aboveTotal",
      (max(grant_total) FILTER (WHERE grant_total > ${threshold}::bigint))::text AS "aboveLargest",
      count(*) FILTER (WHERE at_group)::int AS "atGroup",
      count(*) FILTER (WHERE on_watchlist)::int AS "onWatchlist",
      count(*) FILTER (WHERE on_watchlist_then)::int AS "onWatchlistThen"
    FROM t GROUP BY ROLLUP ("institutionId")
    ORDER BY ("institutionId" IS NULL), min("nameEn"), "institutionId"`);

  const [entryRows, watchlistRows] = await Promise.all([
    group.entries.length
      ? query<{ entryId: string; n: number }>(sql`
          SELECT e.id::text AS "entryId", count(*)::int AS n
          FROM ${BASE_FROM} CROSS JOIN unnest(${group.entries.map((e) => e.id)}::uuid[]) AS e(id)
          WHERE ${where} AND ${atGroup(group, raw('e.id'))}
          GROUP BY e.id`)
      : Promise.resolve([]),
    query<{ code: string; nameEn: string; nameJa: string; isSample: boolean; n: number; then: number }>(sql`
      SELECT code, "nameEn", "nameJa", "isSample", count(*) FILTER (WHERE now_)::int AS n, count(*) FILTER (WHERE then_)::int AS "then"
      FROM (
        SELECT wl.code, wl."nameEn", wl."nameJa", wl."isSample",
          ${onWatchlist(raw('wl.code'))} AS now_, ${onWatchlist(raw('wl.code'), fiscalYear)} AS then_
        FROM ${BASE_FROM} CROSS JOIN (SELECT code, "nameEn", "nameJa", "isSample" FROM "Watchlist" WHERE kind = 'WATCHLIST') wl
        WHERE ${where}
      ) x WHERE now_ OR then_
      GROUP BY code, "nameEn", "nameJa", "isSample" ORDER BY n DESC, "then" DESC, code`),
  ]);

  const totalRow = rows.find((r) => r.institutionId === null);
  const institutionRows = rows.filter((r) => r.institutionId !== null);
  const empty: Row = { institutionId: null, nameJa: null, nameEn: null, talent: 0, above: 0, aboveTotal: '0', aboveLargest: null, atGroup: 0, onWatchlist: 0, onWatchlistThen: 0 };

  type Cells = { talent: FigureValue; above: FigureValue; atGroup: FigureValue; onWatchlist: FigureValue; onWatchlistThen: FigureValue };
  const figuresOf = (r: Row, cells: Cells): TalentFigures => ({
    talent: cells.talent,
    aboveThreshold: cells.above,
    aboveTotalJpy: r.above > 0 ? suppressAmount(BigInt(r.aboveTotal), r.above, s) : null,
    aboveLargestJpy: r.aboveLargest ? suppressAmount(BigInt(r.aboveLargest), r.above, s) : null,
    atGroup: cells.atGroup,
    onWatchlist: cells.onWatchlist,
    onWatchlistThen: cells.onWatchlistThen,
  });

  const t = totalRow ?? empty;
  const inst = (f: object) => (r: Row) => ({ institution: r.institutionId ?? undefined, ...f });
  const col = (key: 'talent' | 'above' | 'atGroup' | 'onWatchlist' | 'onWatchlistThen', f: object) =>
    breakdown(institutionRows, (r) => r[key], inst(f), s);
  const cols = {
    talent: col('talent', { talent: 'any' }),
    above: col('above', { talent: 'grants' }),
    atGroup: col('atGroup', { talent: 'group' }),
    onWatchlist: col('onWatchlist', { talent: 'watchlist' }),
    onWatchlistThen: col('onWatchlistThen', { talent: 'watchlist', listed: 'then' }),
  };
  const entryCount = new Map(entryRows.map((r) => [r.entryId, r.n]));

  return {
    context,
    threshold,
    window,
    windowYears: [fiscalYear - window + 1, fiscalYear],
    group: { code: group.code, found: group.found, nameEn: group.nameEn, nameJa: group.nameJa, isSample: group.isSample },
    totals: figuresOf(t, {
      talent: figure(t.talent, { talent: 'any' }, s),
      above: figure(t.above, { talent: 'grants' }, s),
      atGroup: figure(t.atGroup, { talent: 'group' }, s),
      onWatchlist: figure(t.onWatchlist, { talent: 'watchlist' }, s),
      onWatchlistThen: figure(t.onWatchlistThen, { talent: 'watchlist', listed: 'then' }, s),
    }),
    byInstitution: institutionRows.map((r, i) => ({
      institutionId: r.institutionId!,
      nameJa: r.nameJa ?? '',
      nameEn: r.nameEn ?? '',
      ...figuresOf(r, {
        talent: cols.talent[i]!,
        above: cols.above[i]!,
        atGroup: cols.atGroup[i]!,
        onWatchlist: cols.onWatchlist[i]!,
        onWatchlistThen: cols.onWatchlistThen[i]!,
      }),
    })),
    byGroupEntry: group.entries.map((e) => ({
      entryId: e.id,
      name: e.name,
      nameJa: e.nameJa,
      value: figure(entryCount.get(e.id) ?? 0, { talent: 'group', entry: e.id }, s),
    })),
    byWatchlist: watchlistRows.map((r) => ({
      code: r.code,
      nameEn: r.nameEn,
      nameJa: r.nameJa,
      isSample: r.isSample,
      value: figure(r.n, { talent: 'watchlist', watchlist: r.code }, s),
      then: figure(r.then, { talent: 'watchlist', watchlist: r.code, listed: 'then' }, s),
    })),
  };
}
