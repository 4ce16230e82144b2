import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/reports/bar-chart';
import { ExportPanel } from '@/components/reports/export-panel';
import { figureKit } from '@/components/reports/figures';
import { PublicationBanner, ReportControls, ReportNav } from '@/components/reports/report-frame';
import { requireRole } from '@/lib/auth/actor';
import { reportFrame } from '@/lib/reports/frame';
import { overview } from '@/lib/reports/overview';
import { filterQuery, reportPart } from '@/lib/reports/params';
import { DataTable } from '@/components/ui/data-table';
import { localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('home');
  return { title: t('auditor.title') };
}

export default async function ReportsOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole('AUDITOR');
  const locale = await getLocale();
  const frame = await reportFrame(actor, await searchParams, locale);
  const params = { ...reportPart(frame.filter), fiscalYear: frame.filter.fiscalYear };
  const o = await overview(actor, params);
  const k = await figureKit(params, frame.minimum);
  const { t } = k;
  const home = await getTranslations('home');
  const name = (r: { nameJa: string; nameEn: string }) => localName(locale, r);

  return (
    <section aria-labelledby="page-title" className="stack reports">
      <h1 id="page-title">{home('auditor.title')}</h1>
      <p>{t('intro')}</p>
      <ReportNav current="overview" params={params} />
      <ReportControls action="/reports" params={params} fiscalYears={frame.years} institutions={frame.institutions} minimum={frame.minimum} />
      <PublicationBanner on={params.publication} minimum={frame.minimum} />

      <section aria-labelledby="headline-title">
        <h2 id="headline-title">
          {t('headline.label')} — {t('fiscalYearLabel', { year: params.fiscalYear })}
        </h2>
        <ul className="headline-figures">
          <li>
            <span className="headline-value" data-testid="figure-total">
              <k.Count value={o.total} label={t('headline.total')} />
            </span>
            <span className="headline-label">{t('headline.total')}</span>
          </li>
          <li>
            <span className="headline-value">
              <k.Count value={o.submitted} label={t('headline.submitted')} />
            </span>
            <span className="headline-label">{t('headline.submitted')}</span>
          </li>
          <li>
            <span className="headline-value" data-testid="figure-flagged">
              <k.Count value={o.flagged} label={t('headline.flagged')} />
            </span>
            <span className="headline-label">{t('headline.flagged')}</span>
            <span className="field-help">{t('headline.flaggedHelp')}</span>
          </li>
          <li>
            <span className="headline-value" data-testid="figure-talent">
              <k.Count value={o.talent} label={t('headline.talent')} />
            </span>
            <span className="headline-label">{t('headline.talent')}</span>
          </li>
        </ul>
      </section>

      <div className="report-grid">
        <section aria-labelledby="status-title" className="card stack">
          <h2 id="status-title">{t('overview.byStatus')}</h2>
          <BarChart
            id="chart-status"
            title={t('overview.byStatus')}
            desc={t('chart.desc', { title: t('overview.byStatus') })}
            rows={o.byStatus.map((s) => k.bar(t(`status.${s.status}`), s.value))}
          />
          <DataTable caption={t('overview.byStatus')}>
            <thead>
              <tr>
                <th scope="col">{t('tables.status')}</th>
                <th scope="col" className="num">
                  {t('tables.disclosures')}
                </th>
              </tr>
            </thead>
            <tbody>
              {o.byStatus.map((s) => (
                <tr key={s.status}>
                  <th scope="row">{t(`status.${s.status}`)}</th>
                  <td className="num">
                    <k.Count value={s.value} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>

        <section aria-labelledby="severity-title" className="card stack">
          <h2 id="severity-title">{t('overview.bySeverity')}</h2>
          <BarChart
            id="chart-severity"
            title={t('overview.bySeverity')}
            desc={t('chart.desc', { title: t('overview.bySeverity') })}
            rows={o.bySeverity.map((s) => k.bar(t(`severity.${s.severity}`), s.value))}
          />
          <DataTable caption={t('overview.bySeverity')}>
            <thead>
              <tr>
                <th scope="col">{t('tables.severity')}</th>
                <th scope="col" className="num">
                  {t('tables.disclosures')}
                </th>
              </tr>
            </thead>
            <tbody>
              {o.bySeverity.map((s) => (
                <tr key={s.severity}>
                  <th scope="row">{t(`severity.${s.severity}`)}</th>
                  <td className="num">
                    <k.Count value={s.value} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      </div>

      <section aria-labelledby="institutions-title" className="card stack">
        <h2 id="institutions-title">{t('overview.byInstitution')}</h2>
        {o.byInstitution.length === 0 ? (
          <p className="muted">{t('tables.empty')}</p>
        ) : (
            <DataTable caption={t('overview.byInstitution')} data-testid="institutions-table">
              <thead>
                <tr>
                  <th scope="col">{t('tables.institution')}</th>
                  <th scope="col" className="num">{t('tables.total')}</th>
                  <th scope="col" className="num">{t('tables.submitted')}</th>
                  <th scope="col" className="num">{t('tables.approved')}</th>
                  <th scope="col" className="num">{t('tables.flagged')}</th>
                  <th scope="col" className="num">{t('tables.talent')}</th>
                </tr>
              </thead>
              <tbody>
                {o.byInstitution.map((i) => (
                  <tr key={i.institutionId}>
                    <th scope="row">{name(i)}</th>
                    <td className="num"><k.Count value={i.total} /></td>
                    <td className="num"><k.Count value={i.submitted} /></td>
                    <td className="num"><k.Count value={i.approved} /></td>
                    <td className="num"><k.Count value={i.flagged} /></td>
                    <td className="num"><k.Count value={i.talent} /></td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
        )}
      </section>

      <ExportPanel kind="report" report="overview" query={filterQuery(params)} formats={['csv', 'xlsx', 'pdf']} description={t('exports.reportFiles')} />
    </section>
  );
}
