import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { BarChart } from '@/components/reports/bar-chart';
import { ExportPanel } from '@/components/reports/export-panel';
import { figureKit } from '@/components/reports/figures';
import { RecordFilterForm } from '@/components/reports/record-filter-form';
import { PublicationBanner, ReportControls, ReportNav } from '@/components/reports/report-frame';
import { requireRole } from '@/lib/auth/actor';
import { reportFrame } from '@/lib/reports/frame';
import { groupWatchlists, reportWatchlists } from '@/lib/reports/group';
import { figurePart, filterQuery, reportPart } from '@/lib/reports/params';
import { talentGrants } from '@/lib/reports/talent-grants';
import { DataTable } from '@/components/ui/data-table';
import { localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports.talent');
  return { title: t('title') };
}

export default async function TalentGrantsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole('AUDITOR');
  const locale = await getLocale();
  const frame = await reportFrame(actor, await searchParams, locale);
  const params = { ...reportPart(frame.filter), fiscalYear: frame.filter.fiscalYear };
  // The record filter's keys (entry, watchlist, listed, institution, …) narrow every figure; each figure's
  // own `talent` key is its own, so a `talent` in the URL is not a narrowing.
  const { talent: _talent, ...narrow } = figurePart(frame.filter);
  void _talent;
  const [r, groups, watchlists] = await Promise.all([talentGrants(actor, params, undefined, narrow), groupWatchlists(), reportWatchlists()]);
  const k = await figureKit({ ...params, group: r.group.code }, frame.minimum);
  const { t } = k;
  const ja = locale === 'ja';
  const groupName = localName(locale, r.group);
  const threshold = k.yen(r.threshold)!;
  const [from, to] = r.windowYears;
  const tot = r.totals;

  return (
    <section aria-labelledby="page-title" className="stack reports">
      <h1 id="page-title">{t('talent.title')}</h1>
      <p>{t('talent.description')}</p>
      <ReportNav current="talent" params={params} />
      <ReportControls action="/reports/talent-grants" params={params} fiscalYears={frame.years} institutions={frame.institutions} minimum={frame.minimum}>
        <div className="field">
          <label htmlFor="talent-threshold">{t('controls.threshold')}</label>
          <input id="talent-threshold" name="threshold" inputMode="numeric" pattern="[0-9,]*" defaultValue={r.threshold.toString()} aria-describedby="talent-threshold-help" />
          <p className="field-help" id="talent-threshold-help">{t('controls.thresholdHelp')}</p>
        </div>
        <div className="field">
          <label htmlFor="talent-window">{t('controls.window')}</label>
          <input id="talent-window" name="window" type="number" min={1} max={30} defaultValue={r.window} aria-describedby="talent-window-help" />
          <p className="field-help" id="talent-window-help">{t('controls.windowHelp')}</p>
        </div>
        <div className="field">
          <label htmlFor="talent-group">{t('controls.group')}</label>
          <select id="talent-group" name="group" defaultValue={r.group.code}>
            {(groups.some((g) => g.code === r.group.code) ? groups : [{ code: r.group.code, nameEn: r.group.nameEn, nameJa: r.group.nameJa, isSample: false }, ...groups]).map((g) => (
              <option key={g.code} value={g.code}>
                {localName(locale, g)}
              </option>
            ))}
          </select>
        </div>
      </ReportControls>
      <RecordFilterForm
        action="/reports/talent-grants"
        talentChoice={false}
        help={t('talent.narrow.help')}
        filter={{ ...frame.filter, ...narrow, talent: undefined, fiscalYear: params.fiscalYear, group: r.group.code }}
        institutions={frame.institutions.map((i) => ({ value: i.id, label: i.name }))}
        entries={r.byGroupEntry.map((e) => ({ value: e.entryId, label: ja && e.nameJa ? e.nameJa : e.name }))}
        watchlists={watchlists.map((l) => ({ value: l.code, label: localName(locale, l) }))}
      />
      <PublicationBanner on={params.publication} minimum={frame.minimum} />
      {Object.keys(narrow).length ? (
        <p className="form-notice" data-testid="talent-narrowed">
          {t('talent.narrow.active')}
        </p>
      ) : null}
      {!r.group.found ? <p className="form-notice">{t('talent.groupMissing', { code: r.group.code })}</p> : null}

      <section aria-labelledby="answers-title" className="card stack">
        <h2 id="answers-title">{t('fiscalYearLabel', { year: params.fiscalYear })}</h2>
        <ul className="answers">
          <li data-testid="answer-talent">
            <strong className="answer-figure"><k.Count value={tot.talent} label={t('talent.figures.talent')} /></strong>{' '}
            {t('talent.answers.talent', { year: params.fiscalYear })}
          </li>
          <li data-testid="answer-above">
            <strong className="answer-figure"><k.Count value={tot.aboveThreshold} label={t('talent.figures.above', { threshold })} /></strong>{' '}
            {t('talent.answers.above', { threshold, from, to })}{' '}
            {tot.aboveTotalJpy !== null && tot.aboveLargestJpy !== null
              ? t('talent.answers.amounts', { total: k.yen(tot.aboveTotalJpy)!, largest: k.yen(tot.aboveLargestJpy)! })
              : tot.aboveThreshold.suppressed
                ? t('talent.answers.amountsWithheld')
                : null}
          </li>
          <li data-testid="answer-group">
            <strong className="answer-figure"><k.Count value={tot.atGroup} label={t('talent.figures.atGroup', { group: groupName })} /></strong>{' '}
            {t('talent.answers.atGroup', { group: groupName })}
          </li>
          <li data-testid="answer-watchlist">
            <strong className="answer-figure"><k.Count value={tot.onWatchlist} label={t('talent.figures.onWatchlist')} /></strong>{' '}
            {t('talent.answers.onWatchlist')}
          </li>
          <li data-testid="answer-watchlist-then">
            <strong className="answer-figure"><k.Count value={tot.onWatchlistThen} label={t('talent.figures.onWatchlistThen', { year: params.fiscalYear })} /></strong>{' '}
            {t('talent.answers.onWatchlistThen', { year: params.fiscalYear })}
          </li>
        </ul>
        <p className="field-help">{t('talent.method')}</p>
        <p className="field-help">{t('sampleNote')}</p>
      </section>

      <section aria-labelledby="by-institution-title" className="card stack">
        <h2 id="by-institution-title">{t('talent.byInstitution')}</h2>
        <BarChart
          id="chart-talent-institutions"
          title={t('talent.byInstitution')}
          desc={t('chart.desc', { title: `${t('talent.byInstitution')} (${t('tables.talent')})` })}
          rows={r.byInstitution.map((i) => k.bar(localName(locale, i), i.talent))}
        />
          <DataTable caption={t('talent.byInstitution')} data-testid="talent-institutions">
            <thead>
              <tr>
                <th scope="col">{t('tables.institution')}</th>
                <th scope="col" className="num">{t('tables.talent')}</th>
                <th scope="col" className="num">{t('tables.above')}</th>
                <th scope="col" className="num">{t('tables.aboveTotal')}</th>
                <th scope="col" className="num">{t('tables.aboveLargest')}</th>
                <th scope="col" className="num">{t('tables.atGroup')}</th>
                <th scope="col" className="num">{t('tables.onWatchlist')}</th>
                <th scope="col" className="num">{t('tables.onWatchlistThen')}</th>
              </tr>
            </thead>
            <tbody>
              {r.byInstitution.map((i) => (
                <tr key={i.institutionId}>
                  <th scope="row">{localName(locale, i)}</th>
                  <td className="num"><k.Count value={i.talent} /></td>
                  <td className="num"><k.Count value={i.aboveThreshold} /></td>
                  <td className="num">{k.yen(i.aboveTotalJpy) ?? (i.aboveThreshold.suppressed ? k.display(i.aboveThreshold) : '—')}</td>
                  <td className="num">{k.yen(i.aboveLargestJpy) ?? (i.aboveThreshold.suppressed ? k.display(i.aboveThreshold) : '—')}</td>
                  <td className="num"><k.Count value={i.atGroup} /></td>
                  <td className="num"><k.Count value={i.onWatchlist} /></td>
                  <td className="num"><k.Count value={i.onWatchlistThen} /></td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('tables.allInstitutions')}</th>
                <td className="num"><k.Count value={tot.talent} /></td>
                <td className="num"><k.Count value={tot.aboveThreshold} /></td>
                <td className="num">{k.yen(tot.aboveTotalJpy) ?? (tot.aboveThreshold.suppressed ? k.display(tot.aboveThreshold) : '—')}</td>
                <td className="num">{k.yen(tot.aboveLargestJpy) ?? (tot.aboveThreshold.suppressed ? k.display(tot.aboveThreshold) : '—')}</td>
                <td className="num"><k.Count value={tot.atGroup} /></td>
                <td className="num"><k.Count value={tot.onWatchlist} /></td>
                <td className="num"><k.Count value={tot.onWatchlistThen} /></td>
              </tr>
            </tfoot>
          </DataTable>
      </section>

      <section aria-labelledby="by-group-title" className="card stack">
        <h2 id="by-group-title">{t('talent.byGroupEntry', { group: groupName })}</h2>
        {r.byGroupEntry.length ? (
          <>
            <BarChart
              id="chart-talent-group"
              title={t('talent.byGroupEntry', { group: groupName })}
              desc={t('chart.desc', { title: t('talent.byGroupEntry', { group: groupName }) })}
              rows={r.byGroupEntry.map((e) => k.bar(ja && e.nameJa ? e.nameJa : e.name, e.value))}
            />
            <DataTable caption={t('talent.byGroupEntry', { group: groupName })} data-testid="talent-group-entries">
              <thead>
                <tr>
                  <th scope="col">{t('tables.organisation')}</th>
                  <th scope="col" className="num">{t('tables.listedNow')}</th>
                  <th scope="col" className="num">{t('tables.listedThen', { year: params.fiscalYear })}</th>
                </tr>
              </thead>
              <tbody>
                {r.byGroupEntry.map((e) => (
                  <tr key={e.entryId}>
                    <th scope="row">
                      {e.name}
                      {e.nameJa ? <span lang="ja"> （{e.nameJa}）</span> : null}
                    </th>
                    <td className="num"><k.Count value={e.value} /></td>
                    <td className="num"><k.Count value={e.then} /></td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <p className="field-help">{t('talent.byGroupNote')}</p>
          </>
        ) : (
          <p className="muted">{t('tables.empty')}</p>
        )}
      </section>

      <section aria-labelledby="by-watchlist-title" className="card stack">
        <h2 id="by-watchlist-title">{t('talent.byWatchlist')}</h2>
        {r.byWatchlist.length ? (
          <DataTable caption={t('talent.byWatchlist')} data-testid="talent-watchlists">
            <thead>
              <tr>
                <th scope="col">{t('tables.watchlist')}</th>
                <th scope="col" className="num">{t('tables.listedNow')}</th>
                <th scope="col" className="num">{t('tables.listedThen', { year: params.fiscalYear })}</th>
              </tr>
            </thead>
            <tbody>
              {r.byWatchlist.map((l) => (
                <tr key={l.code}>
                  <th scope="row">{localName(locale, l)}</th>
                  <td className="num"><k.Count value={l.value} /></td>
                  <td className="num"><k.Count value={l.then} /></td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p className="muted">{t('tables.empty')}</p>
        )}
      </section>

      <ExportPanel
        kind="report"
        report="talent-grants"
        query={filterQuery({ ...params, ...narrow, group: r.group.code })}
        formats={['csv', 'xlsx', 'pdf']}
        description={t('exports.reportFiles')}
      />
    </section>
  );
}
