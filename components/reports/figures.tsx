// Turning report figures into page content: a count that links to the records behind it (or "< 5",
// announced as "fewer than 5", when withheld), amounts in yen, and chart rows.
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { FigureValue } from '@/lib/reports/figure';
import { type Figure, type RecordFilter, type ReportParams, filterQuery } from '@/lib/reports/params';
import type { BarRow } from './bar-chart';

export async function figureKit(params: ReportParams & { fiscalYear: number }, minimum: number) {
  const [t, format] = await Promise.all([getTranslations('reports'), getFormatter()]);
  const num = (n: number | bigint) => format.number(n);
  const display = (v: FigureValue) => (v.n === null ? t('publication.suppressed', { minimum }) : num(v.n));
  const href = (f: Figure, extra: Partial<RecordFilter> = {}) => `/reports/records?${filterQuery({ ...params, ...extra, ...f })}`;

  function Count({ value, extra, label }: { value: FigureValue; extra?: Partial<RecordFilter>; label?: string }) {
    if (value.n === null) {
      return (
        <span className="suppressed">
          <span aria-hidden="true">{display(value)}</span>
          <span className="visually-hidden">{t('publication.suppressedLabel', { minimum })}</span>
        </span>
      );
    }
    // Publication output is aggregates only: its figures link to no records.
    if (params.publication) return <span className="figure">{num(value.n)}</span>;
    return (
      <Link href={href(value.figure, extra)} className="figure-link" aria-label={label ? `${num(value.n)} — ${label}` : undefined}>
        {num(value.n)}
      </Link>
    );
  }

  return {
    t,
    num,
    yen: (v: bigint | null) => (v === null ? null : format.number(v, { style: 'currency', currency: 'JPY' })),
    display,
    href,
    Count,
    bar: (label: string, v: FigureValue): BarRow => ({ label, value: v.n, display: display(v) }),
  };
}
