import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { deny } from '@/lib/auth/actor';
import { readBooleanParam } from '@/lib/params/boolean';
import { requireSystemAdmin } from '@/lib/auth/actor';
import { watchlistByCode } from '@/lib/watchlists/admin';
import { type SearchParamsInput, firstSearchParams, param } from '@/lib/security/url-params';
import { DataTable } from '@/components/ui/data-table';
import { localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('watchlists');
  return { title: t('title') };
}


/** A page number from the URL; anything else (text, 1e20, negative) is the first page. */
const PAGE = param.int(1, 1_000_000).catch(1);

export default async function WatchlistEntriesPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<SearchParamsInput> }) {
  const { code } = await params;
  const resource = `/admin/watchlists/${code}`;
  const actor = await requireSystemAdmin(resource);
  const s = firstSearchParams(await searchParams);
  const page = PAGE.parse(s.page ?? '1');
  const retired = readBooleanParam(s.retired);
  if (retired === null) notFound();
  const found = await watchlistByCode(code, { q: s.q, page, retired });
  if (!found) return deny(actor, 'admin:national', resource);
  const [t, format, locale] = await Promise.all([getTranslations('watchlists'), getFormatter(), getLocale()]);
  const { list, entries, total, pages } = found;
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' }) : '—');
  const pageHref = (p: number) => {
    const q = new URLSearchParams({ ...(s.q ? { q: s.q } : {}), ...(retired ? { retired: 'true' } : {}), page: String(p) });
    return `${resource}?${q.toString()}`;
  };
  return (
    <section aria-labelledby="page-title" className="stack config-page">
      <p>
        <Link href="/admin/watchlists">{t('entries.back')}</Link>
      </p>
      <h1 id="page-title">
        {localName(locale, list)}{' '}
        {list.isSample ? <span className="badge review">{t('sampleBadge')}</span> : null}
      </h1>
      <p className="form-notice">
        {t('notComplete')} {list.isSample ? t('sampleNote') : null}
      </p>
      <dl className="facts">
        <dt>{t('import.code')}</dt>
        <dd>
          <code>{list.code}</code>
        </dd>
        <dt>{t('columns.kind')}</dt>
        <dd>{t(`kind.${list.kind}`)}</dd>
        <dt>{t('columns.source')}</dt>
        <dd>
          {list.sourceUrl ? (
            <a href={list.sourceUrl} rel="noreferrer noopener" target="_blank">
              {list.source}
            </a>
          ) : (
            list.source
          )}
        </dd>
        <dt>{t('columns.edition')}</dt>
        <dd>{day(list.editionDate)}</dd>
      </dl>

      <form method="get" action={resource} className="filter-bar" role="search">
        <div className="field">
          <label htmlFor="entry-q">{t('entries.search')}</label>
          <p id="entry-q-help" className="field-help">
            {t('entries.searchHelp')}
          </p>
          <input id="entry-q" name="q" type="search" defaultValue={s.q ?? ''} aria-describedby="entry-q-help" />
        </div>
        <label className="checkbox">
          <input type="checkbox" name="retired" value="true" defaultChecked={retired} /> {t('entries.showRetired')}
        </label>
        <div className="filter-actions">
          <button type="submit" className="button">
            {t('entries.searchButton')}
          </button>
        </div>
      </form>

      <p role="status" data-testid="entry-total">
        {t('entries.total', { total })}
      </p>
      {entries.length === 0 ? (
        <p className="muted">{t('entries.none')}</p>
      ) : (
        <DataTable caption={t('entries.total', { total })} data-testid="entries">
          <thead>
            <tr>
              <th scope="col">{t('entries.columns.name')}</th>
              <th scope="col">{t('entries.columns.aliases')}</th>
              <th scope="col">{t('entries.columns.country')}</th>
              <th scope="col">{t('entries.columns.concern')}</th>
              <th scope="col">{t('entries.columns.reference')}</th>
              <th scope="col">{t('entries.columns.status')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>
                  {e.name}
                  {e.nameJa ? (
                    <>
                      <br />
                      <span lang="ja">{e.nameJa}</span>
                    </>
                  ) : null}
                </td>
                <td>{e.aliases.join(locale === 'ja' ? '、' : '; ') || '—'}</td>
                <td>{e.country ?? '—'}</td>
                <td>{e.concern ?? '—'}</td>
                <td>
                  <code>{e.reference}</code>
                </td>
                <td>{e.retiredAt && e.retiredAt <= new Date() ? t('entries.retiredOn', { date: day(e.retiredAt) }) : t('entries.listed')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {pages > 1 ? (
        <nav aria-label={t('entries.pagination')} className="row">
          {page > 1 ? <Link href={pageHref(page - 1)}>{t('entries.previous')}</Link> : null}
          <span>{t('entries.page', { page, pages })}</span>
          {page < pages ? <Link href={pageHref(page + 1)}>{t('entries.next')}</Link> : null}
        </nav>
      ) : null}

      <section aria-labelledby="imports-title" className="stack">
        <h2 id="imports-title">{t('imports.title')}</h2>
        {list.imports.length === 0 ? (
          <p className="muted">{t('imports.none')}</p>
        ) : (
          <DataTable caption={t('imports.title')}>
            <thead>
              <tr>
                <th scope="col">{t('imports.columns.date')}</th>
                <th scope="col">{t('imports.columns.file')}</th>
                <th scope="col">{t('imports.columns.layout')}</th>
                <th scope="col">{t('imports.columns.edition')}</th>
                <th scope="col" className="num">{t('imports.columns.added')}</th>
                <th scope="col" className="num">{t('imports.columns.updated')}</th>
                <th scope="col" className="num">{t('imports.columns.retired')}</th>
                <th scope="col" className="num">{t('imports.columns.rejected')}</th>
              </tr>
            </thead>
            <tbody>
              {list.imports.map((i) => (
                <tr key={i.id}>
                  <td>{format.dateTime(i.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</td>
                  <td>{i.fileName}</td>
                  <td>
                    <code>{i.layout}</code>
                  </td>
                  <td>{day(i.editionDate)}</td>
                  <td className="num">{i.added}</td>
                  <td className="num">{i.updated}</td>
                  <td className="num">{i.retired}</td>
                  <td className="num">{i.rejected}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </section>
  );
}
