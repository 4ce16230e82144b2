// One page of the queue as a table: who, where, what state, how serious, how old, how long until the
// cycle's review deadline, and who has it.
import { getFormatter, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { QueueRow } from '@/lib/review/queue';
import { OPEN_STATUSES } from '@/lib/review/queue-params';
import { daysUntil, japanDaysBetween } from '@/lib/time/japan';
import { SeverityBadge, StatusBadge } from './badges';
import { DataTable } from '@/components/ui/data-table';
import { localName } from '@/lib/i18n/local-text';

export async function QueueTable({ rows, caption, locale }: { rows: QueueRow[]; caption: string; locale: string }) {
  const t = await getTranslations('review');
  const format = await getFormatter();
  const now = new Date();
  if (!rows.length) {
    return (
      <div className="card" role="status">
        <p>{t('queue.empty')}</p>
      </div>
    );
  }
  return (
      <DataTable caption={caption} captionVisible className="queue-table">
        <thead>
          <tr>
            <th scope="col">{t('queue.columns.researcher')}</th>
            <th scope="col">{t('queue.columns.department')}</th>
            <th scope="col">{t('queue.columns.cycle')}</th>
            <th scope="col">{t('queue.columns.status')}</th>
            <th scope="col">{t('queue.columns.findings')}</th>
            <th scope="col">{t('queue.columns.matches')}</th>
            <th scope="col">{t('queue.columns.age')}</th>
            <th scope="col">{t('queue.columns.deadline')}</th>
            <th scope="col">{t('queue.columns.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const age = japanDaysBetween(r.lastSubmittedAt, now);
            const left = daysUntil(r.cycle.reviewDeadline, now);
            const open = OPEN_STATUSES.includes(r.status);
            return (
              <tr key={r.id}>
                <th scope="row">
                  <Link href={`/review/${r.id}`}>{r.researcherName}</Link>
                </th>
                <td>{r.department ? localName(locale, r.department) : '—'}</td>
                <td>{r.cycle.code}</td>
                <td>
                  <StatusBadge status={r.status} label={t(`statuses.${r.status}`)} />
                </td>
                <td>
                  {r.maxSeverity ? (
                    <>
                      <SeverityBadge severity={r.maxSeverity} label={t(`severities.${r.maxSeverity}`)} />{' '}
                    </>
                  ) : null}
                  <span className="muted">{t('queue.findingCount', { count: r.findingCount })}</span>
                </td>
                <td>{r.pendingMatches > 0 ? <span className="badge review">{t('queue.pendingMatches', { count: r.pendingMatches })}</span> : <span className="muted">—</span>}</td>
                <td>
                  <time dateTime={r.lastSubmittedAt.toISOString()} title={format.dateTime(r.lastSubmittedAt, { dateStyle: 'medium', timeStyle: 'short' })}>
                    {t('queue.age', { days: age })}
                  </time>
                </td>
                <td>
                  {open ? (
                    <time dateTime={r.cycle.reviewDeadline.toISOString()} title={format.dateTime(r.cycle.reviewDeadline, { dateStyle: 'medium' })} className={left < 0 ? 'overdue' : left <= 14 ? 'due-soon' : undefined}>
                      {left < 0 ? t('queue.overdue', { days: -left }) : t('queue.left', { days: left })}
                    </time>
                  ) : (
                    <time dateTime={r.cycle.reviewDeadline.toISOString()}>{format.dateTime(r.cycle.reviewDeadline, { dateStyle: 'medium' })}</time>
                  )}
                </td>
                <td>{r.assignee?.displayName ?? <span className="muted">{t('queue.unassigned')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
  );
}
