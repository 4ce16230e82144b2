import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { TaskList } from '@/components/config/task-list';
import { WatchlistImportForm } from '@/components/watchlists/import-form';
import { requireSystemAdmin } from '@/lib/auth/actor';
import { listWatchlists } from '@/lib/watchlists/admin';
import { DataTable } from '@/components/ui/data-table';
import { localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('watchlists');
  return { title: t('title') };
}

export default async function WatchlistsPage() {
  await requireSystemAdmin('/admin/watchlists');
  const [t, format, locale, lists] = await Promise.all([getTranslations('watchlists'), getFormatter(), getLocale(), listWatchlists()]);
  const name = (l: { nameJa: string; nameEn: string }) => localName(locale, l);
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: 'medium', timeZone: 'UTC' }) : t('never'));
  return (
    <section aria-labelledby="page-title" className="stack config-page">
      <h1 id="page-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <p className="form-notice" data-testid="not-complete">
        {t('notComplete')}
      </p>
      {lists.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <DataTable caption={t('title')} data-testid="watchlists">
          <thead>
            <tr>
              <th scope="col">{t('columns.list')}</th>
              <th scope="col">{t('columns.kind')}</th>
              <th scope="col">{t('columns.source')}</th>
              <th scope="col">{t('columns.edition')}</th>
              <th scope="col">{t('columns.entries')}</th>
              <th scope="col">{t('columns.imported')}</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => (
              <tr key={l.id} data-code={l.code}>
                <td>
                  <Link href={`/admin/watchlists/${l.code}`}>{name(l)}</Link>
                  <br />
                  <code>{l.code}</code>{' '}
                  {l.isSample ? (
                    <span className="badge review" title={t('sampleNote')}>
                      {t('sampleBadge')}
                    </span>
                  ) : null}
                </td>
                <td>{t(`kind.${l.kind}`)}</td>
                <td>
                  {l.sourceUrl ? (
                    <a href={l.sourceUrl} rel="noreferrer noopener" target="_blank">
                      {l.source}
                    </a>
                  ) : (
                    l.source
                  )}
                </td>
                <td>{day(l.editionDate)}</td>
                <td className="num">{t('entryCounts', { active: l.active, retired: l.retired })}</td>
                <td>{l.importedAt ? format.dateTime(l.importedAt, { dateStyle: 'medium', timeStyle: 'short' }) : t('never')}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      <p className="muted">{t('sampleNote')}</p>
      <section aria-labelledby="import-title" className="card stack">
        <h2 id="import-title">{t('import.title')}</h2>
        <p className="muted">{t('import.help')}</p>
        <WatchlistImportForm
          lists={lists.map((l) => ({ id: l.id, label: `${name(l)} (${l.code})`, isSample: l.isSample }))}
          today={new Date().toISOString().slice(0, 10)}
        />
      </section>
      <TaskList />
    </section>
  );
}
