// A report as plain tables (title, columns, rows) in the viewer's language: what the report CSV, the
// report XLSX and the PDF summary are written from. Suppressed cells stay markers, never numbers.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { breakdowns } from '../breakdowns';
import type { ReportContext } from '../context';
import type { FigureValue } from '../figure';
import { overview } from '../overview';
import type { ReportParams } from '../params';
import { type Narrowing, talentGrants } from '../talent-grants';
import { trends } from '../trends';
import type { ReportsTranslator } from './footer';
import { localName, localTitle } from '@/lib/i18n/local-text';

export type TableCell = string | number | bigint | null | { suppressedBelow: number };

export interface ReportTable {
  key: string;
  title: string;
  columns: { key: string; label: string; type: 'text' | 'count' | 'amount' }[];
  rows: TableCell[][];
  /** For the PDF: draw this table as a bar chart of column `chart` (by the first column's labels). */
  chart?: number;
}

export const REPORT_KINDS = ['overview', 'breakdowns', 'trends', 'talent-grants'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export function isReportKind(v: unknown): v is ReportKind {
  return typeof v === 'string' && (REPORT_KINDS as readonly string[]).includes(v);
}

type Col = ReportTable['columns'][number];

export async function reportTables(
  actor: Actor,
  kind: ReportKind,
  params: ReportParams,
  t: ReportsTranslator,
  locale: 'ja' | 'en',
  /** The record filter's keys that narrow the talent-grants figures (as on its page). */
  narrow: Narrowing = {},
): Promise<{ context: ReportContext; tables: ReportTable[] }> {
  const name = (r: { nameJa: string; nameEn: string }) => localName(locale, r);
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const count = (label: string, key = 'count'): Col => ({ key, label, type: 'count' });
  const text = (label: string, key = 'label'): Col => ({ key, label, type: 'text' });
  const amount = (label: string, key: string): Col => ({ key, label, type: 'amount' });

  if (kind === 'overview') {
    const o = await overview(actor, params);
    const c = (v: FigureValue): TableCell => v.n ?? { suppressedBelow: o.context.suppression.minimum };
    return {
      context: o.context,
      tables: [
        {
          key: 'status',
          title: t('overview.byStatus'),
          columns: [text(t('tables.status')), count(t('tables.disclosures'))],
          rows: o.byStatus.map((s) => [t(`status.${s.status}`), c(s.value)]),
          chart: 1,
        },
        {
          key: 'severity',
          title: t('overview.bySeverity'),
          columns: [text(t('tables.severity')), count(t('tables.disclosures'))],
          rows: o.bySeverity.map((s) => [t(`severity.${s.severity}`), c(s.value)]),
          chart: 1,
        },
        {
          key: 'institutions',
          title: t('overview.byInstitution'),
          columns: [
            text(t('tables.institution')),
            count(t('tables.total'), 'total'),
            count(t('tables.submitted'), 'submitted'),
            count(t('tables.approved'), 'approved'),
            count(t('tables.flagged'), 'flagged'),
            count(t('tables.talent'), 'talent'),
          ],
          rows: o.byInstitution.map((i) => [name(i), c(i.total), c(i.submitted), c(i.approved), c(i.flagged), c(i.talent)]),
        },
      ],
    };
  }

  if (kind === 'breakdowns') {
    const b = await breakdowns(actor, params);
    const c = (v: FigureValue): TableCell => v.n ?? { suppressedBelow: b.context.suppression.minimum };
    return {
      context: b.context,
      tables: [
        {
          key: 'countries',
          title: t('breakdowns.countries'),
          columns: [text(t('tables.country')), count(t('tables.disclosures'))],
          rows: b.countries.map((r) => [regions.of(r.country) ?? r.country, c(r.value)]),
          chart: 1,
        },
        {
          key: 'programmes',
          title: t('breakdowns.programmes'),
          columns: [text(t('tables.programme')), text(t('tables.country'), 'country'), count(t('tables.disclosures'))],
          rows: b.programmes.map((r) => [r.name, r.country ? (regions.of(r.country) ?? r.country) : '', c(r.value)]),
        },
        {
          key: 'rules',
          title: t('breakdowns.rules'),
          columns: [text(t('tables.rule')), text(t('tables.ruleTitle'), 'title'), text(t('tables.severity'), 'severity'), count(t('tables.disclosures'))],
          rows: b.rules.map((r) => [r.code, localTitle(locale, r), t(`severity.${r.severity}`), c(r.value)]),
        },
      ],
    };
  }

  if (kind === 'trends') {
    const tr = await trends(actor, params);
    const c = (v: FigureValue): TableCell => v.n ?? { suppressedBelow: tr.context.suppression.minimum };
    return {
      context: tr.context,
      tables: [
        {
          key: 'trends',
          title: t('trends.title'),
          columns: [
            text(t('tables.fiscalYear')),
            count(t('tables.total'), 'total'),
            count(t('tables.submitted'), 'submitted'),
            count(t('tables.flagged'), 'flagged'),
            count(t('tables.talent'), 'talent'),
          ],
          rows: tr.years.map((y) => [t('fiscalYearLabel', { year: y.fiscalYear }), c(y.total), c(y.submitted), c(y.flagged), c(y.talent)]),
          chart: 1,
        },
      ],
    };
  }

  const r = await talentGrants(actor, params, undefined, narrow);
  const c = (v: FigureValue): TableCell => v.n ?? { suppressedBelow: r.context.suppression.minimum };
  const money = (v: bigint | null, basedOn: FigureValue): TableCell =>
    v ?? (basedOn.suppressed ? { suppressedBelow: r.context.suppression.minimum } : null);
  const thresholdText = t('talent.thresholdShort', { amount: Number(r.threshold), window: r.window });
  return {
    context: r.context,
    tables: [
      {
        key: 'talent-summary',
        title: t('talent.title'),
        columns: [text(t('tables.figure')), { key: 'value', label: t('tables.value'), type: 'count' }],
        rows: [
          [t('talent.figures.talent'), c(r.totals.talent)],
          [t('talent.figures.above', { threshold: thresholdText }), c(r.totals.aboveThreshold)],
          [t('talent.figures.aboveTotal'), money(r.totals.aboveTotalJpy, r.totals.aboveThreshold)],
          [t('talent.figures.aboveLargest'), money(r.totals.aboveLargestJpy, r.totals.aboveThreshold)],
          [t('talent.figures.atGroup', { group: localName(locale, r.group) }), c(r.totals.atGroup)],
          [t('talent.figures.onWatchlist'), c(r.totals.onWatchlist)],
          [t('talent.figures.onWatchlistThen', { year: r.context.params.fiscalYear }), c(r.totals.onWatchlistThen)],
        ],
      },
      {
        key: 'talent-institutions',
        title: t('talent.byInstitution'),
        columns: [
          text(t('tables.institution')),
          count(t('tables.talent'), 'talent'),
          count(t('tables.above'), 'above'),
          amount(t('tables.aboveTotal'), 'aboveTotal'),
          amount(t('tables.aboveLargest'), 'aboveLargest'),
          count(t('tables.atGroup'), 'atGroup'),
          count(t('tables.onWatchlist'), 'onWatchlist'),
          count(t('tables.onWatchlistThen'), 'onWatchlistThen'),
        ],
        rows: r.byInstitution.map((i) => [
          name(i),
          c(i.talent),
          c(i.aboveThreshold),
          money(i.aboveTotalJpy, i.aboveThreshold),
          money(i.aboveLargestJpy, i.aboveThreshold),
          c(i.atGroup),
          c(i.onWatchlist),
          c(i.onWatchlistThen),
        ]),
        chart: 1,
      },
      {
        key: 'talent-group',
        title: t('talent.byGroupEntry', { group: localName(locale, r.group) }),
        columns: [text(t('tables.organisation')), count(t('tables.researchers'))],
        rows: r.byGroupEntry.map((e) => [locale === 'ja' && e.nameJa ? `${e.nameJa} (${e.name})` : e.name, c(e.value)]),
        chart: 1,
      },
      {
        key: 'talent-watchlists',
        title: t('talent.byWatchlist'),
        columns: [text(t('tables.watchlist')), count(t('tables.listedNow'), 'now'), count(t('tables.listedThen', { year: r.context.params.fiscalYear }), 'then')],
        rows: r.byWatchlist.map((l) => [localName(locale, l), c(l.value), c(l.then)]),
      },
    ],
  };
}

/** Long ("tidy") CSV rows of a report: table, row, column, value — one value per line. */
export function tidyRows(tables: ReportTable[]): string[][] {
  const out: string[][] = [];
  for (const table of tables) {
    for (const row of table.rows) {
      const label = String(row[0] ?? '');
      table.columns.slice(1).forEach((col, i) => {
        const v = row[i + 1];
        const value = v === null || v === undefined ? '' : typeof v === 'object' ? `<${v.suppressedBelow}` : String(v);
        out.push([table.title, label, col.label, value]);
      });
    }
  }
  return out;
}
