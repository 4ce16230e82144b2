// What every report page shares: the sub-navigation (keeping the chosen year and scope), the form that
// chooses year, institutions and the publication variant, and the publication notice. Server components:
// the form is a plain GET form, so a report is a URL that can be bookmarked and sent.
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { type ReportParams, filterQuery } from '@/lib/reports/params';

export type ReportPage = 'overview' | 'talent' | 'breakdowns' | 'trends';

const PATHS: Record<ReportPage, string> = {
  overview: '/reports',
  talent: '/reports/talent-grants',
  breakdowns: '/reports/breakdowns',
  trends: '/reports/trends',
};

export async function ReportNav({ current, params }: { current: ReportPage | 'records'; params: Partial<ReportParams> }) {
  const t = await getTranslations('reports.nav');
  const q = filterQuery(params);
  return (
    <nav aria-label={t('label')} className="report-nav">
      <ul>
        {(Object.keys(PATHS) as ReportPage[]).map((key) => (
          <li key={key}>
            <Link href={q ? `${PATHS[key]}?${q}` : PATHS[key]} aria-current={current === key ? 'page' : undefined}>
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export async function ReportControls({
  action,
  params,
  fiscalYears,
  institutions,
  minimum,
  children,
}: {
  action: string;
  params: ReportParams & { fiscalYear: number };
  fiscalYears: number[];
  institutions: { id: string; name: string }[];
  minimum: number;
  /** Extra fields of one report (the talent-grants parameters). */
  children?: ReactNode;
}) {
  const t = await getTranslations('reports');
  const years = [...new Set([params.fiscalYear, ...fiscalYears])].sort((a, b) => b - a);
  return (
    <form method="get" action={action} className="card report-controls" aria-labelledby="report-controls-title">
      <h2 id="report-controls-title" className="visually-hidden">
        {t('controls.legend')}
      </h2>
      <div className="report-controls-grid">
        <div className="field">
          <label htmlFor="report-fy">{t('controls.fiscalYear')}</label>
          <select id="report-fy" name="fy" defaultValue={String(params.fiscalYear)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {t('fiscalYearLabel', { year: y })}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="report-institutions">
          <legend>{t('controls.institutions')}</legend>
          <p className="field-help" id="report-inst-help">
            {t('controls.institutionsHelp')}
          </p>
          <div className="checkbox-grid">
            {institutions.map((i) => (
              <label key={i.id} className="checkbox">
                <input type="checkbox" name="inst" value={i.id} defaultChecked={params.institutionIds.includes(i.id)} aria-describedby="report-inst-help" /> {i.name}
              </label>
            ))}
          </div>
        </fieldset>
        {children}
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="pub" value="true" defaultChecked={params.publication} aria-describedby="report-pub-help" /> {t('controls.publication')}
          </label>
          <p className="field-help" id="report-pub-help">
            {t('controls.publicationHelp', { minimum })}
          </p>
        </div>
      </div>
      <div>
        <button type="submit" className="button primary">
          {t('controls.apply')}
        </button>
      </div>
    </form>
  );
}

export async function PublicationBanner({ on, minimum }: { on: boolean; minimum: number }) {
  if (!on) return null;
  const t = await getTranslations('reports.publication');
  return (
    <p className="form-notice" role="note">
      {t('banner', { minimum })}
    </p>
  );
}
