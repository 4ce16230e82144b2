import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/reports/bar-chart';
import { ExportPanel } from '@/components/reports/export-panel';
import { figureKit } from '@/components/reports/figures';
import { PublicationBanner, ReportControls, ReportNav } from '@/components/reports/report-frame';
import { requireRole } from '@/lib/auth/actor';
import { breakdowns } from '@/lib/reports/breakdowns';
import { reportFrame } from '@/lib/reports/frame';
import { filterQuery, reportPart } from '@/lib/reports/params';
import { DataTable } from '@/components/ui/data-table';
import { localTitle } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports.breakdowns');
  return { title: t('title') };
}

export default async function BreakdownsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole('AUDITOR');
  const locale = await getLocale();
  const frame = await reportFrame(actor, await searchParams, locale);
  const params = { ...reportPart(frame.filter), fiscalYear: frame.filter.fiscalYear };
  const b = await breakdowns(actor, params);
  const k = await figureKit(params, frame.minimum);
  const { t } = k;
  const regions = new Intl.DisplayNames([locale], { type: 'region' });
  const country = (c: string | null) => (c ? (regions.of(c) ?? c) : '');

  return (
    <section aria-labelledby="page-title" className="stack reports">
      <h1 id="page-title">{t('breakdowns.title')}</h1>
      <ReportNav current="breakdowns" params={params} />
      <ReportControls action="/reports/breakdowns" params={params} fiscalYears={frame.years} institutions={frame.institutions} minimum={frame.minimum} />
      <PublicationBanner on={params.publication} minimum={frame.minimum} />
      <p className="field-help">{t('breakdowns.note')}</p>

      <section aria-labelledby="countries-title" className="card stack">
        <h2 id="countries-title">{t('breakdowns.countries')}</h2>
        {b.countries.length ? (
          <>
            <BarChart
              id="chart-countries"
              title={t('breakdowns.countries')}
              desc={t('chart.desc', { title: t('breakdowns.countries') })}
              rows={b.countries.map((c) => k.bar(country(c.country), c.value))}
            />
            <DataTable caption={t('breakdowns.countries')}>
              <thead>
                <tr>
                  <th scope="col">{t('tables.country')}</th>
                  <th scope="col" className="num">{t('tables.disclosures')}</th>
                </tr>
              </thead>
              <tbody>
                {b.countries.map((c) => (
                  <tr key={c.country}>
                    <th scope="row">{country(c.country)}</th>
                    <td className="num"><k.Count value={c.value} /></td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </>
        ) : (
          <p className="muted">{t('tables.empty')}</p>
        )}
      </section>

      <section aria-labelledby="programmes-title" className="card stack">
        <h2 id="programmes-title">{t('breakdowns.programmes')}</h2>
        {b.programmes.length ? (
          <DataTable caption={t('breakdowns.programmes')}>
            <thead>
              <tr>
                <th scope="col">{t('tables.programme')}</th>
                <th scope="col">{t('tables.country')}</th>
                <th scope="col" className="num">{t('tables.disclosures')}</th>
              </tr>
            </thead>
            <tbody>
              {b.programmes.map((p) => (
                <tr key={p.key}>
                  <th scope="row">{p.name}</th>
                  <td>{country(p.country)}</td>
                  <td className="num"><k.Count value={p.value} /></td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p className="muted">{t('tables.empty')}</p>
        )}
      </section>

      <section aria-labelledby="rules-title" className="card stack">
        <h2 id="rules-title">{t('breakdowns.rules')}</h2>
        {b.rules.length ? (
          <DataTable caption={t('breakdowns.rules')}>
            <thead>
              <tr>
                <th scope="col">{t('tables.rule')}</th>
                <th scope="col">{t('tables.ruleTitle')}</th>
                <th scope="col">{t('tables.severity')}</th>
                <th scope="col" className="num">{t('tables.disclosures')}</th>
              </tr>
            </thead>
            <tbody>
              {b.rules.map((r) => (
                <tr key={r.code}>
                  <th scope="row"><code>{r.code}</code></th>
                  <td>{localTitle(locale, r)}</td>
                  <td>
                    <span className={`badge ${r.severity.toLowerCase()}`}>{t(`severity.${r.severity}`)}</span>
                  </td>
                  <td className="num"><k.Count value={r.value} /></td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p className="muted">{t('tables.empty')}</p>
        )}
      </section>

      <ExportPanel kind="report" report="breakdowns" query={filterQuery(params)} formats={['csv', 'xlsx', 'pdf']} description={t('exports.reportFiles')} />
    </section>
  );
}
