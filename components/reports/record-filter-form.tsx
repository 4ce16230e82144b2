// The record list's filter: talent figure × institution × institution of the group list × watchlist
// (listed now or at the time), combined with AND. A plain GET form like the report controls, so the
// combined list is a URL that pages, exports and the API read through the one parser
// (lib/reports/params.ts); keys the form does not show (status, country, …) ride along hidden.
import { getTranslations } from 'next-intl/server';
import { type RecordFilter, TALENT_FIGURES } from '@/lib/reports/params';

interface Option {
  value: string;
  label: string;
}

export async function RecordFilterForm({
  filter,
  institutions,
  entries,
  watchlists,
  action = '/reports/records',
  talentChoice = true,
  help,
}: {
  filter: RecordFilter & { fiscalYear: number };
  institutions: Option[];
  entries: Option[];
  watchlists: Option[];
  /** The page the filter applies to: the record list, or a report whose figures it narrows. */
  action?: '/reports/records' | '/reports/talent-grants';
  /** The talent-figure choice (a report's figures carry their own). */
  talentChoice?: boolean;
  /** The help line, when the form narrows a report's figures rather than a list. */
  help?: string;
}) {
  const t = await getTranslations('reports.records.form');
  const hidden: [string, string][] = [['fy', String(filter.fiscalYear)], ...filter.institutionIds.map((id): [string, string] => ['inst', id])];
  if (filter.threshold !== undefined) hidden.push(['threshold', filter.threshold.toString()]);
  if (filter.window !== undefined) hidden.push(['window', String(filter.window)]);
  if (!talentChoice && filter.talent) hidden.push(['talent', filter.talent]);
  for (const key of ['group', 'status', 'severity', 'country', 'programme', 'rule'] as const) {
    const v = filter[key];
    if (v) hidden.push([key, v]);
  }
  if (filter.flagged) hidden.push(['flagged', 'true']);
  if (filter.submitted) hidden.push(['submitted', 'true']);

  return (
    <form method="get" action={action} className="card report-controls" aria-labelledby="record-filter-title" data-testid="record-filter">
      <h2 id="record-filter-title">{t('legend')}</h2>
      <p className="field-help" id="record-filter-help">
        {help ?? t('help')}
      </p>
      {hidden.map(([name, value], i) => (
        <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
      ))}
      <div className="report-controls-grid">
        {talentChoice ? (
          <div className="field">
            <label htmlFor="filter-talent">{t('talent')}</label>
            <select id="filter-talent" name="talent" defaultValue={filter.talent ?? ''} aria-describedby="record-filter-help">
              <option value="">{t('talentNone')}</option>
              {TALENT_FIGURES.map((f) => (
                <option key={f} value={f}>
                  {t(`talentOptions.${f}`)}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="filter-institution">{t('institution')}</label>
          <select id="filter-institution" name="institution" defaultValue={filter.institution ?? ''}>
            <option value="">{t('anyInstitution')}</option>
            {institutions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-entry">{t('entry')}</label>
          <select id="filter-entry" name="entry" defaultValue={filter.entry ?? ''}>
            <option value="">{t('anyEntry')}</option>
            {entries.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-watchlist">{t('watchlist')}</label>
          <select id="filter-watchlist" name="watchlist" defaultValue={filter.watchlist ?? ''}>
            <option value="">{t('anyWatchlist')}</option>
            {watchlists.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('listed')}</legend>
          <label className="checkbox">
            <input type="radio" name="listed" value="now" defaultChecked={filter.listed !== 'then'} aria-describedby="filter-listed-help" /> {t('listedNow')}
          </label>
          <label className="checkbox">
            <input type="radio" name="listed" value="then" defaultChecked={filter.listed === 'then'} aria-describedby="filter-listed-help" />{' '}
            {t('listedThen', { year: filter.fiscalYear })}
          </label>
          <p className="field-help" id="filter-listed-help">
            {t('listedHelp')}
          </p>
        </fieldset>
      </div>
      <div>
        <button type="submit" className="button primary">
          {t('apply')}
        </button>
      </div>
    </form>
  );
}
