import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ExportPanel } from '@/components/reports/export-panel';
import { RecordFilterForm } from '@/components/reports/record-filter-form';
import { PublicationBanner, ReportNav } from '@/components/reports/report-frame';
import { deny, requireRole } from '@/lib/auth/actor';
import { reportFrame } from '@/lib/reports/frame';
import { loadGroup, reportWatchlists } from '@/lib/reports/group';
import { type RecordFilter, filterQuery, reportPart } from '@/lib/reports/params';
import { countRecords, listRecords, recordQuery } from '@/lib/reports/records';
import { DIRECT_LIMIT } from '@/lib/reports/export/limits';
import { DataTable } from '@/components/ui/data-table';
import { localList, localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports.records');
  return { title: t('title') };
}

const PAGE = 50;

export default async function RecordsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole('AUDITOR');
  const locale = await getLocale();
  const sp = await searchParams;
  const frame = await reportFrame(actor, sp, locale);
  const filter = frame.filter;
  // The publication variant has no record list (aggregates only): the same audited 404 as any refusal.
  if (filter.publication) return deny(actor, 'role:AUDITOR', 'records:publication');
  const cursor = typeof sp.cursor === 'string' ? sp.cursor : null;
  const q = await recordQuery(actor, filter, { locale: locale === 'ja' ? 'ja' : 'en' });
  const [count, page, t, format] = await Promise.all([
    countRecords(q),
    listRecords(q, { cursor, limit: PAGE }),
    getTranslations('reports'),
    getFormatter(),
  ]);
  const query = filterQuery(filter);
  const params = reportPart(filter);
  const showNames = q.columns.some((c) => c.key === 'researcherName');
  const talent = q.columns.some((c) => c.key === 'grantTotalJpy');
  const [group, watchlists] = await Promise.all([loadGroup(filter.group, filter.fiscalYear), reportWatchlists()]);
  // Entries to choose from: listed now, and those listed during the year but removed since.
  const groupEntries = [...group.entries, ...(group.then?.entries ?? []).filter((e) => !group.entries.some((n) => n.id === e.id))];
  const listName = (l: { nameJa: string; nameEn: string }) => localName(locale, l);

  const institutionName = (id: string) => frame.institutions.find((i) => i.id === id)?.name ?? id;
  const threshold = format.number(filter.threshold, { style: 'currency', currency: 'JPY' });
  const conditions: string[] = [];
  const f = filter as RecordFilter;
  if (f.status) conditions.push(t('records.filter.status', { value: t(`status.${f.status}`) }));
  if (f.severity) conditions.push(t('records.filter.severity', { value: t(`severity.${f.severity}`) }));
  if (f.institution) conditions.push(t('records.filter.institution', { value: institutionName(f.institution) }));
  if (f.country) conditions.push(t('records.filter.country', { value: new Intl.DisplayNames([locale], { type: 'region' }).of(f.country) ?? f.country }));
  if (f.programme) conditions.push(t('records.filter.programme', { value: f.programme }));
  if (f.rule) conditions.push(t('records.filter.rule', { value: f.rule }));
  if (f.flagged) conditions.push(t('records.filter.flagged'));
  if (f.submitted) conditions.push(t('records.filter.submitted'));
  if (f.talent === 'any') conditions.push(t('records.filter.talentAny'));
  if (f.talent === 'grants') conditions.push(t('records.filter.talentGrants', { threshold }));
  if (f.talent === 'group') conditions.push(t('records.filter.talentGroup'));
  if (f.talent === 'watchlist') conditions.push(t('records.filter.talentWatchlist'));
  if (f.entry) conditions.push(t('records.filter.entry', { value: groupEntries.find((e) => e.id === f.entry)?.name ?? f.entry }));
  if (f.watchlist) {
    const list = watchlists.find((l) => l.code === f.watchlist);
    conditions.push(t('records.filter.watchlist', { value: list ? listName(list) : f.watchlist }));
  }
  if (f.listed === 'then' && (f.watchlist || f.talent === 'watchlist')) conditions.push(t('records.filter.listedThen'));
  const back = f.talent ? '/reports/talent-grants' : f.country || f.programme || f.rule ? '/reports/breakdowns' : '/reports';
  const backQuery = filterQuery(params);

  return (
    <section aria-labelledby="page-title" className="stack reports">
      <h1 id="page-title">{t('records.title')}</h1>
      <ReportNav current="records" params={params} />
      <p>
        <Link href={backQuery ? `${back}?${backQuery}` : back}>{t('records.back')}</Link>
      </p>
      <PublicationBanner on={filter.publication} minimum={frame.minimum} />
      <dl className="record-filter">
        <dt>{t('controls.fiscalYear')}</dt>
        <dd>{t('fiscalYearLabel', { year: filter.fiscalYear })}</dd>
        <dt>{t('controls.institutions')}</dt>
        <dd>{filter.institutionIds.length ? localList(locale, filter.institutionIds.map(institutionName)) : t('scope.all')}</dd>
        <dt>{t('records.filters')}</dt>
        <dd>{conditions.length ? conditions.join(locale === 'ja' ? '、' : '; ') : t('records.noFilter')}</dd>
      </dl>
      <RecordFilterForm
        filter={filter}
        institutions={frame.institutions.map((i) => ({ value: i.id, label: i.name }))}
        entries={groupEntries.map((e) => ({ value: e.id, label: locale === 'ja' && e.nameJa ? e.nameJa : e.name }))}
        watchlists={watchlists.map((l) => ({ value: l.code, label: listName(l) }))}
      />
      <p className="records-count" data-testid="records-count" data-count={count}>
        {t('records.count', { count })}
      </p>
      {!showNames ? <p className="muted">{t('records.namesHidden')}</p> : null}

      {page.rows.length === 0 ? (
        <p className="muted">{t('records.empty')}</p>
      ) : (
          <DataTable caption={t('records.caption', { count })} data-testid="records-table">
            <thead>
              <tr>
                {showNames ? <th scope="col">{t('columns.researcherName')}</th> : <th scope="col">{t('columns.id')}</th>}
                {showNames ? <th scope="col">{t('columns.eradNumber')}</th> : null}
                <th scope="col">{t('columns.institution')}</th>
                <th scope="col">{t('columns.status')}</th>
                <th scope="col">{t('columns.maxSeverity')}</th>
                <th scope="col" className="num">{t('columns.findingCount')}</th>
                <th scope="col" className="num">{t('columns.version')}</th>
                <th scope="col">{t('columns.lastSubmittedAt')}</th>
                <th scope="col" className="num">{t('columns.talentProgrammes')}</th>
                {talent ? <th scope="col">{t('columns.programmes')}</th> : null}
                {talent ? <th scope="col" className="num">{t('columns.grantTotalJpy')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{showNames ? (r.researcherName ?? '—') : <code>{r.id.slice(0, 8)}</code>}</th>
                  {showNames ? <td>{r.eradNumber ?? '—'}</td> : null}
                  <td>{r.institution}</td>
                  <td>{t(`status.${r.status}`)}</td>
                  <td>{r.maxSeverity ? <span className={`badge ${r.maxSeverity.toLowerCase()}`}>{t(`severity.${r.maxSeverity}`)}</span> : '—'}</td>
                  <td className="num">{r.findingCount}</td>
                  <td className="num">{r.version ?? '—'}</td>
                  <td>{r.lastSubmittedAt ? format.dateTime(r.lastSubmittedAt, { dateStyle: 'medium', timeStyle: 'short' }) : '—'}</td>
                  <td className="num">{r.talentProgrammes}</td>
                  {talent ? <td>{r.programmes ?? ''}</td> : null}
                  {talent ? <td className="num">{r.grantTotalJpy !== null ? format.number(r.grantTotalJpy, { style: 'currency', currency: 'JPY' }) : '—'}</td> : null}
                </tr>
              ))}
            </tbody>
          </DataTable>
      )}
      <nav aria-label={t('records.title')} className="row pager">
        {cursor ? <Link href={`/reports/records?${query}`}>{t('records.first')}</Link> : null}
        {page.nextCursor ? (
          <Link href={`/reports/records?${query}&cursor=${page.nextCursor}`} rel="next">
            {t('records.next')}
          </Link>
        ) : null}
      </nav>
      <ExportPanel
        kind="records"
        query={query}
        formats={['csv', 'xlsx']}
        description={`${t('exports.recordFiles')}${count > DIRECT_LIMIT ? ` ${t('exports.background', { limit: DIRECT_LIMIT })}` : ''}`}
      />
    </section>
  );
}
