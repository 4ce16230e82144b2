// The review queue: the officer's institution's submitted disclosures, filtered, searched and sorted as
// the URL says (a plain GET form, so every view can be bookmarked and shared, and works without
// JavaScript), one keyset page at a time.
import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { QueueFilters } from '@/components/review/queue-filters';
import { QueueTable } from '@/components/review/queue-table';
import { requireRole } from '@/lib/auth/actor';
import { queueOptions } from '@/lib/review/options';
import { listQueue } from '@/lib/review/queue';
import { parseQueueParams, queueQueryString, sortOf, statusesOf } from '@/lib/review/queue-params';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('review');
  return { title: t('queue.title') };
}

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRole('OFFICER');
  const params = parseQueueParams(await searchParams);
  const [page, options] = await Promise.all([listQueue(actor, params), queueOptions(actor)]);
  const t = await getTranslations('review');
  const locale = await getLocale();
  const format = await getFormatter();
  const statuses = statusesOf(params);
  const caption = t('queue.caption', {
    statuses: statuses.map((s) => t(`statuses.${s}`)).join(locale === 'ja' ? '・' : ', '),
    sort: t(`queue.sorts.${sortOf(params)}`),
    // A filtered table says what it was filtered by and how many rows it shows (keyset pages: no total).
    searched: params.q ? 'true' : 'false',
    q: params.q ?? '',
    count: page.rows.length,
    more: page.nextCursor ? 'true' : 'false',
  });
  return (
    <section aria-labelledby="page-title" className="stack review-queue">
      <div className="spread">
        <h1 id="page-title">{t('queue.title')}</h1>
        <p className="muted">{t('queue.now', { now: format.dateTime(new Date(), { dateStyle: 'medium', timeStyle: 'short' }) })}</p>
      </div>
      <QueueFilters params={params} options={options} locale={locale} />
      <QueueTable rows={page.rows} caption={caption} locale={locale} />
      <nav aria-label={t('queue.pagination')} className="row queue-pages">
        {params.cursor ? (
          <Link className="button" href={`/review${queueQueryString(params)}`}>
            {t('queue.firstPage')}
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link className="button primary" rel="next" href={`/review${queueQueryString(params, { cursor: page.nextCursor })}`}>
            {t('queue.nextPage')}
          </Link>
        ) : page.rows.length ? (
          <p className="muted">{t('queue.end')}</p>
        ) : null}
      </nav>
    </section>
  );
}
