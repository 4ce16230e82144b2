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
import type { Figure, RecordFilter } from './params';
import { BASE_FROM, TALENT, figureWhere, grantTotal, reportWhere } from './predicates';
import type { ReportPurpose } from './scope';
import { type Sql, join, raw, sql } from './sql';
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
  /** The record-filter keys every figure was narrowed by (entry, watchlist, listed, institution, …). */
  narrowedBy: Figure;
  totals: TalentFigures;
  byInstitution: ({ institutionId: string; nameJa: string; nameEn: string } & TalentFigures)[];
  /** Per entry of the group (listed now or during the year): `value` listed now, `then` listed at the time. */
  byGroupEntry: { entryId: string; name: string; nameJa: string | null; value: FigureValue; then: FigureValue }[];
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

/** The keys a narrowing may carry: every record-filter key except the figure's own `talent`. */
export type Narrowing = Omit<Figure, 'talent'>;

/**
 * The report, its figures narrowed by `narrow` (the record filter's combinable keys: "at Beihang and on
 * the METI End User List"). Each figure counts exactly the rows of one record filter — the narrowing plus
 * its own `talent` key (and `entry`, `watchlist`, `listed` for the per-entry and per-list figures) — through
 * the same predicate as its record list (figureWhere), so a figure and its list always agree.
 */
export async function talentGrants(actor: Actor, params: ReportParams, purposes?: ReportPurpose[], narrow: Narrowing = {}): Promise<TalentGrantsReport> {
  const context = await reportContext(actor, params, purposes);
  const { scope, suppression: s } = context;
  const { fiscalYear, threshold, window } = context.params;
  const group = await loadGroup(params.group, fiscalYear);
  const base: Figure = { ...narrow };
  delete base.talent;
  const undated: Figure = { ...base };
  delete undated.listed;
  const keys = (f: Figure): Figure => ({ ...base, ...f });
  /** The same keys dated "now" (no `listed` key) or "at the time". */
  const dated = (f: Figure, then: boolean): Figure => ({ ...undated, ...f, ...(then ? { listed: 'then' as const } : {}) });
  const where = (f: Figure): Sql => figureWhere({ ...f, fiscalYear, threshold, window } as RecordFilter, group);

  const f = {
    talent: keys({ talent: 'any' }),
    above: keys({ talent: 'grants' }),
    atGroup: keys({ talent: 'group' }),
    onWatchlist: dated({ talent: 'watchlist' }, false),
    onWatchlistThen: dated({ talent: 'watchlist' }, true),
  };
  const lists = await query<{ code: string; nameEn: string; nameJa: string; isSample: boolean }>(
    sql`SELECT code, "nameEn", "nameJa", "isSample" FROM "Watchlist" WHERE kind = 'WATCHLIST' ORDER BY code`,
  );
  const entries = [...group.entries, ...(group.then?.entries ?? []).filter((e) => !group.entries.some((n) => n.id === e.id))];
  const entryFigure = (id: string, then: boolean) => dated({ talent: 'group', entry: id }, then);
  const listFigure = (code: string, then: boolean) => dated({ talent: 'watchlist', watchlist: code }, then);

  // One pass over the year's talent-programme participants: a boolean per figure, then counts per institution.
  const rows = await query<Row & Record<string, unknown>>(sql`
    WITH t AS (
      SELECT d."institutionId", i."nameJa", i."nameEn",
        ${grantTotal(fiscalYear, window)} AS grant_total,
        ${where(f.talent)} AS f_talent, ${where(f.above)} AS f_above, ${where(f.atGroup)} AS f_group,
        ${where(f.onWatchlist)} AS f_wl, ${where(f.onWatchlistThen)} AS f_wl_then
        ${join(entries.flatMap((e, n) => [sql`, ${where(entryFigure(e.id, false))} AS "e${raw(String(n))}"`, sql`, ${where(entryFigure(e.id, true))} AS "et${raw(String(n))}"`]), '')}
        ${join(lists.flatMap((l, n) => [sql`, ${where(listFigure(l.code, false))} AS "l${raw(String(n))}"`, sql`, ${where(listFigure(l.code, true))} AS "lt${raw(String(n))}"`]), '')}
      FROM ${BASE_FROM} WHERE ${reportWhere(scope, fiscalYear)} AND ${TALENT}
    )
    SELECT "institutionId"::text AS "institutionId", min("nameJa") AS "nameJa", min("nameEn") AS "nameEn",
      count(*) FILTER (WHERE f_talent)::int AS talent,
      count(*) FILTER (WHERE f_above)::int AS above,
      COALESCE(sum(grant_total) FILTER (WHERE f_above), 0)::text AS "aboveTotal",
      (max(grant_total) FILTER (WHERE f_above))::text AS "aboveLargest",
      count(*) FILTER (WHERE f_group)::int AS "atGroup",
      count(*) FILTER (WHERE f_wl)::int AS "onWatchlist",
      count(*) FILTER (WHERE f_wl_then)::int AS "onWatchlistThen"
      ${join(entries.flatMap((_, n) => [raw(`, count(*) FILTER (WHERE "e${n}")::int AS "e${n}"`), raw(`, count(*) FILTER (WHERE "et${n}")::int AS "et${n}"`)]), '')}
      ${join(lists.flatMap((_, n) => [raw(`, count(*) FILTER (WHERE "l${n}")::int AS "l${n}"`), raw(`, count(*) FILTER (WHERE "lt${n}")::int AS "lt${n}"`)]), '')}
    FROM t GROUP BY ROLLUP ("institutionId")
    HAVING "institutionId" IS NULL OR count(*) FILTER (WHERE f_talent OR f_wl OR f_wl_then) > 0
    ORDER BY ("institutionId" IS NULL), min("nameEn"), "institutionId"`);

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

  const t = (totalRow ?? empty) as Row & Record<string, unknown>;
  const inst = (fig: Figure) => (r: Row) => ({ ...fig, institution: r.institutionId ?? undefined });
  const col = (key: keyof Cells, fig: Figure) => breakdown(institutionRows, (r) => r[key], inst(fig), s);
  const cols = {
    talent: col('talent', f.talent),
    above: col('above', f.above),
    atGroup: col('atGroup', f.atGroup),
    onWatchlist: col('onWatchlist', f.onWatchlist),
    onWatchlistThen: col('onWatchlistThen', f.onWatchlistThen),
  };
  const n = (key: string) => (typeof t[key] === 'number' ? (t[key] as number) : 0);

  return {
    context,
    threshold,
    window,
    windowYears: [fiscalYear - window + 1, fiscalYear],
    group: { code: group.code, found: group.found, nameEn: group.nameEn, nameJa: group.nameJa, isSample: group.isSample },
    narrowedBy: base,
    totals: figuresOf(t, {
      talent: figure(t.talent, f.talent, s),
      above: figure(t.above, f.above, s),
      atGroup: figure(t.atGroup, f.atGroup, s),
      onWatchlist: figure(t.onWatchlist, f.onWatchlist, s),
      onWatchlistThen: figure(t.onWatchlistThen, f.onWatchlistThen, s),
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
    byGroupEntry: entries.map((e, i) => ({
      entryId: e.id,
      name: e.name,
      nameJa: e.nameJa,
      value: figure(n(`e${i}`), entryFigure(e.id, false), s),
      then: figure(n(`et${i}`), entryFigure(e.id, true), s),
    })),
    byWatchlist: lists
      .map((l, i) => ({ ...l, value: figure(n(`l${i}`), listFigure(l.code, false), s), then: figure(n(`lt${i}`), listFigure(l.code, true), s), nNow: n(`l${i}`), nThen: n(`lt${i}`) }))
      .filter((l) => l.nNow > 0 || l.nThen > 0)
      .sort((a, b) => b.nNow - a.nNow || b.nThen - a.nThen || a.code.localeCompare(b.code))
      .map(({ nNow: _a, nThen: _b, ...l }) => l),
  };
}
