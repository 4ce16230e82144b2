import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { ColumnChart } from '@/components/reports/bar-chart';
import { ExportPanel } from '@/components/reports/export-panel';
import { figureKit } from '@/components/reports/figures';
import { PublicationBanner, ReportControls, ReportNav } from '@/components/reports/report-frame';
import { requireRole } from '@/lib/auth/actor';
import { reportFrame } from '@/lib/reports/frame';
import { filterQuery, reportPart } from '@/lib/reports/params';
import { trends } from '@/lib/reports/trends';
import { DataTable } from '@/components/ui/data-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports.trends');
  return { title: t('title') };
}

const SERIES = ['total', 'submitted', 'flagged', 'talent'] as const;

export default async function TrendsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole('AUDITOR');
  const locale = await getLocale();
  const frame = await reportFrame(actor, await searchParams, locale);
  const params = { ...reportPart(frame.filter), fiscalYear: frame.filter.fiscalYear };
  const tr = await trends(actor, params);
  const k = await figureKit(params, frame.minimum);
  const { t } = k;

  return (
    <section aria-labelledby="page-title" className="stack reports">
      <h1 id="page-title">{t('trends.title')}</h1>
      <p>{t('trends.description')}</p>
      <ReportNav current="trends" params={params} />
      <ReportControls action="/reports/trends" params={params} fiscalYears={frame.years} institutions={frame.institutions} minimum={frame.minimum} />
      <PublicationBanner on={params.publication} minimum={frame.minimum} />
      <section aria-labelledby="trends-chart-title" className="card stack">
        <h2 id="trends-chart-title">{t('trends.title')}</h2>
        {tr.years.length ? (
          <>
            <ColumnChart
              id="chart-trends"
              title={t('trends.title')}
              desc={t('chart.trendDesc', { title: t('trends.title') })}
              categories={tr.years.map((y) => t('fiscalYearLabel', { year: y.fiscalYear }))}
              series={SERIES.map((s) => ({ key: s, label: t(`trends.series.${s}`), values: tr.years.map((y) => y[s].n) }))}
            />
            <DataTable caption={t('trends.title')}>
              <thead>
                <tr>
                  <th scope="col">{t('tables.fiscalYear')}</th>
                  {SERIES.map((s) => (
                    <th key={s} scope="col" className="num">
                      {t(`trends.series.${s}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {tr.years.map((y) => (
                  <tr key={y.fiscalYear}>
                    <th scope="row">{t('fiscalYearLabel', { year: y.fiscalYear })}</th>
                    {SERIES.map((s) => (
                      <td key={s} className="num">
                        <k.Count value={y[s]} extra={{ fiscalYear: y.fiscalYear }} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </>
        ) : (
          <p className="muted">{t('tables.empty')}</p>
        )}
      </section>
      <ExportPanel kind="report" report="trends" query={filterQuery(params)} formats={['csv', 'xlsx', 'pdf']} description={t('exports.reportFiles')} />
    </section>
  );
}
