// One disclosure: where it stands, what the officer said if it was returned, what is left to fill
// section by section, and what can be done next (continue, review and submit, start an update).
import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ActionButton } from '@/components/ui/action-button';
import { discardUpdateAction, startUpdateAction } from '@/lib/filing/actions';
import { FilingFrame } from '@/components/filing/filing-frame';
import { ManagementPlans } from '@/components/filing/management-plans';
import { issueLabel } from '@/components/disclosures/issue-label';
import { requireActor } from '@/lib/auth/actor';
import { sectionLabels } from '@/lib/disclosures/labels';
import { fieldId } from '@/lib/filing/form-values';
import { loadFiling } from '@/lib/filing/pages';
import { localTitle } from '@/lib/i18n/local-text';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ submitted?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('filing');
  return { title: t('overview.title') };
}

export default async function Page({ params, searchParams }: Props) {
  const { id } = await params;
  const { submitted } = await searchParams;
  const { data: view } = await loadFiling(id);
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const base = `/disclosures/${view.id}`;
  const edit = view.editability;
  return (
    <FilingFrame view={view}>
      <h1>{localTitle(locale, view.cycle)}</h1>
      {submitted && view.lastVersion && String(view.lastVersion.number) === submitted ? (
        <div className="form-success" role="status" data-testid="submitted-notice">
          <p>{t('filing.overview.submitted', { number: view.lastVersion.number })}</p>
          <p>
            <Link href={`${base}/versions`}>{t('filing.overview.seeVersions')}</Link>
          </p>
        </div>
      ) : null}

      {view.status === 'RETURNED' ? (
        <section className="card returned stack" aria-labelledby="feedback-title">
          <h2 id="feedback-title">{t('filing.overview.returnedTitle')}</h2>
          {view.feedback.returnReason ? <blockquote>{view.feedback.returnReason}</blockquote> : null}
          {view.feedback.comments.length > 0 ? (
            <ul className="comments">
              {view.feedback.comments.map((c) => (
                <li key={c.id}>
                  <p>{c.body}</p>
                  <p className="muted">{format.dateTime(c.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</p>
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      <ManagementPlans actor={await requireActor()} disclosureId={view.id} />

      {edit.editable ? (
        <section aria-labelledby="progress-title" className="stack">
          <h2 id="progress-title">{t('filing.overview.progressTitle')}</h2>
          <p>{t(edit.mode === 'update' ? 'filing.overview.updateIntro' : edit.mode === 'resubmission' ? 'filing.overview.resubmissionIntro' : 'filing.overview.draftIntro')}</p>
          <p>{t('disclosure.progress.summary', { complete: view.progress.completeCount, total: view.progress.total })}</p>
          <ol className="progress-list">
            {view.progress.sections.map((s) => (
              <li key={s.section} data-state={s.state}>
                <div className="spread">
                  <Link href={`${base}/${s.section}`}>{t(sectionLabels[s.section].title)}</Link>
                  <span className={`badge ${s.state === 'complete' ? 'ok' : s.state === 'in_progress' ? 'review' : 'neutral'}`}>
                    {t(`disclosure.progress.${s.state}`)}
                  </span>
                </div>
                {s.issues.length > 0 ? (
                  <details>
                    <summary>{t('filing.overview.issues', { count: s.issues.length })}</summary>
                    <ul>
                      {s.issues.slice(0, 20).map((issue, i) => (
                        <li key={`${issue.path}-${i}`}>
                          <Link href={`${base}/${s.section}#${fieldId(issue.path)}`}>
                            {issueLabel(s.section, issue.path, t)}: {t(issue.key, issue.params)}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
          <p>
            {t('filing.overview.attachmentsCount', { count: view.attachments.length })} <Link href={`${base}/attachments`}>{t('filing.attachments.manageLink')}</Link>
          </p>
          <div className="row">
            <Link className="button primary" href={`${base}/review`}>
              {t('filing.overview.reviewAndSubmit')}
            </Link>
            {view.canDiscardUpdate ? (
              <ActionButton
                action={discardUpdateAction}
                input={{ disclosureId: view.id, stateVersion: view.stateVersion }}
                label={t('filing.overview.discardUpdate')}
                pendingLabel={t('filing.overview.discarding')}
                confirm="filing.overview.discardConfirm"
                next={base}
              />
            ) : null}
          </div>
        </section>
      ) : (
        <section aria-labelledby="state-title" className="stack">
          <h2 id="state-title">{t('filing.overview.stateTitle')}</h2>
          <p>{t(`filing.errors.notEditable.${edit.reason}`)}</p>
          {view.lastVersion ? (
            <p>
              {t('filing.overview.lastVersion', {
                number: view.lastVersion.number,
                date: format.dateTime(view.lastVersion.certifiedAt, { dateStyle: 'long', timeStyle: 'short' }),
              })}{' '}
              <Link href={`${base}/versions`}>{t('filing.overview.seeVersions')}</Link>
            </p>
          ) : null}
          <p>
            <Link href={`${base}/review`}>{t('filing.overview.readSubmitted')}</Link>
          </p>
          {view.canStartUpdate ? (
            <div className="card stack">
              <h3>{t('filing.overview.updateTitle')}</h3>
              <p>{t('filing.overview.updateHelp')}</p>
              <ActionButton
                action={startUpdateAction}
                input={{ disclosureId: view.id, stateVersion: view.stateVersion }}
                primary
                label={t('filing.overview.startUpdate')}
                pendingLabel={t('filing.overview.starting')}
                next={base}
              />
            </div>
          ) : null}
        </section>
      )}
    </FilingFrame>
  );
}
