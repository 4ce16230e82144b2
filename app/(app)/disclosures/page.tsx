// My disclosures: the open cycle with its deadline and what is left to fill, anything returned with the
// officer's reasons, and every disclosure filed before with its outcome.
import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ActionButton } from '@/components/ui/action-button';
import { startDisclosureAction } from '@/lib/filing/actions';
import { StatusBadge } from '@/components/filing/status-badge';
import { requireRole } from '@/lib/auth/actor';
import { sectionLabels } from '@/lib/disclosures/labels';
import { myDisclosures } from '@/lib/filing/overview';
import { DataTable } from '@/components/ui/data-table';
import { localTitle } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('home');
  return { title: t('researcher.title') };
}

export default async function Page() {
  const actor = await requireRole('RESEARCHER');
  const [t, format, locale, data] = await Promise.all([getTranslations(), getFormatter(), getLocale(), myDisclosures(actor)]);
  const title = (c: { titleJa: string; titleEn: string }) => localTitle(locale, c);
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">{t('home.researcher.title')}</h1>
      <p className="muted">{t('filing.home.intro')}</p>

      <section aria-labelledby="open-title" className="stack">
        <h2 id="open-title">{t('filing.home.openCycles')}</h2>
        {data.open.length === 0 ? <p>{t('filing.home.noOpenCycle')}</p> : null}
        {data.open.map(({ cycle, disclosure, daysLeft, passed }) => {
          return (
            <article key={cycle.id} className="card stack" aria-labelledby={`cycle-${cycle.id}`}>
              <div className="spread">
                <h3 id={`cycle-${cycle.id}`}>{title(cycle)}</h3>
                {disclosure ? <StatusBadge status={disclosure.status} /> : <span className="badge neutral">{t('filing.home.notStarted')}</span>}
              </div>
              <p>
                {t('filing.home.deadline', { date: format.dateTime(cycle.filingDeadline, { dateStyle: 'long' }) })}{' '}
                <strong className={daysLeft <= 7 ? 'deadline-near' : undefined}>
                  {passed ? t('filing.home.overdue') : t('filing.home.daysLeft', { count: daysLeft })}
                </strong>
              </p>
              {disclosure?.progress ? (
                <div className="stack">
                  <p>{t('disclosure.progress.summary', { complete: disclosure.progress.completeCount, total: disclosure.progress.total })}</p>
                  <progress max={disclosure.progress.total} value={disclosure.progress.completeCount} aria-label={t('filing.home.progressLabel')} />
                  {disclosure.progress.sections.some((s) => s.state !== 'complete') ? (
                    <p className="muted">
                      {t('filing.home.leftToFill', {
                        sections: disclosure.progress.sections
                          .filter((s) => s.state !== 'complete')
                          .map((s) => t(sectionLabels[s.section].title))
                          .join(t('filing.home.listSeparator')),
                      })}
                    </p>
                  ) : (
                    <p>{t('filing.home.readyToSubmit')}</p>
                  )}
                </div>
              ) : null}
              <div className="row">
                {disclosure ? (
                  <Link className="button primary" href={`/disclosures/${disclosure.id}`}>
                    {disclosure.editable ? t('filing.home.continue') : t('filing.home.view')}
                  </Link>
                ) : (
                  <ActionButton action={startDisclosureAction} input={{ cycleId: cycle.id }} next="/disclosures/{disclosureId}" primary label={t('filing.home.start')} pendingLabel={t('filing.home.starting')} />
                )}
              </div>
            </article>
          );
        })}
      </section>

      {data.returned.length > 0 ? (
        <section aria-labelledby="returned-title" className="stack">
          <h2 id="returned-title">{t('filing.home.returned')}</h2>
          {data.returned.map((d) => (
            <article key={d.id} className="card stack returned" aria-labelledby={`returned-${d.id}`}>
              <h3 id={`returned-${d.id}`}>{title(d.cycle)}</h3>
              {d.feedback?.returnReason ? (
                <div>
                  <p className="label">{t('filing.home.reason')}</p>
                  <blockquote>{d.feedback.returnReason}</blockquote>
                </div>
              ) : null}
              {d.feedback && d.feedback.comments.length > 0 ? (
                <div>
                  <p className="label">{t('filing.home.comments')}</p>
                  <ul className="comments">
                    {d.feedback.comments.map((c) => (
                      <li key={c.id}>
                        <p>{c.body}</p>
                        <p className="muted">{format.dateTime(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</p>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <p>
                <Link className="button primary" href={`/disclosures/${d.id}`}>
                  {t('filing.home.revise')}
                </Link>
              </p>
            </article>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="all-title" className="stack">
        <h2 id="all-title">{t('filing.home.all')}</h2>
        {data.all.length === 0 ? (
          <p>{t('filing.home.none')}</p>
        ) : (
          <DataTable caption={t('filing.home.all')}>
            <thead>
              <tr>
                <th scope="col">{t('filing.home.cycle')}</th>
                <th scope="col">{t('filing.home.status')}</th>
                <th scope="col">{t('filing.home.lastSubmitted')}</th>
                <th scope="col" className="num">{t('filing.home.versions')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('filing.home.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.all.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <Link href={`/disclosures/${d.id}`}>{title(d.cycle)}</Link>
                  </th>
                  <td>
                    <StatusBadge status={d.status} />
                    {d.updateInProgress ? <span className="badge info">{t('filing.status.updateInProgress')}</span> : null}
                  </td>
                  <td>{d.lastSubmittedAt ? format.dateTime(d.lastSubmittedAt, { dateStyle: 'medium' }) : t('disclosure.common.none')}</td>
                  <td className="num">{d.versionCount}</td>
                  <td>
                    {d.versionCount > 0 ? (
                      <Link href={`/disclosures/${d.id}/versions`}>{t('filing.home.history')}</Link>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </section>
    </section>
  );
}
