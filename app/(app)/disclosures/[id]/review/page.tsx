// Review and submit: the whole disclosure read-only, what still stops submission (with links to the
// fields), and the certification. After submission: what was submitted.
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ContentView } from '@/components/disclosures/content-view';
import { issueLabel } from '@/components/disclosures/issue-label';
import { CertifyForm } from '@/components/filing/certify-form';
import { FilingFrame } from '@/components/filing/filing-frame';
import { sectionLabels } from '@/lib/disclosures/labels';
import { fieldId } from '@/lib/filing/form-values';
import { loadFiling } from '@/lib/filing/pages';
import { localName, localText } from '@/lib/i18n/local-text';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('filing');
  return { title: t('steps.review') };
}

export default async function Page({ params }: Props) {
  const { id } = await params;
  const { data: view } = await loadFiling(id);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const base = `/disclosures/${view.id}`;
  const context = {
    rates: view.cycle.rates,
    attachmentNames: Object.fromEntries(view.attachments.map((a) => [a.id, a.fileName])),
    departmentNames: Object.fromEntries(view.departments.map((d) => [d.id, localName(locale, d)])),
  };
  const edit = view.editability;
  const missing = view.progress.sections.filter((s) => s.state !== 'complete');
  return (
    <FilingFrame view={view}>
      <h1>
        <span className="step-number">{t('filing.form.stepOf', { n: 9, total: 9 })}</span> {t('filing.steps.review')}
      </h1>
      {!edit.editable ? (
        <p className="form-notice">{t(`filing.errors.notEditable.${edit.reason}`)}</p>
      ) : missing.length > 0 ? (
        <section className="error-summary" aria-labelledby="missing-title">
          <h2 id="missing-title">{t('filing.review.missingTitle')}</h2>
          <p>{t('filing.review.missingIntro')}</p>
          <ul>
            {missing.map((s) => (
              <li key={s.section}>
                <Link href={`${base}/${s.section}`}>{t(sectionLabels[s.section].title)}</Link>
                {s.state === 'not_started' ? <span> — {t('disclosure.progress.not_started')}</span> : null}
                {s.issues.length > 0 ? (
                  <ul>
                    {s.issues.slice(0, 10).map((issue, i) => (
                      <li key={`${issue.path}-${i}`}>
                        <Link href={`${base}/${s.section}#${fieldId(issue.path)}`}>
                          {issueLabel(s.section, issue.path, t)}: {t(issue.key, issue.params)}
                        </Link>
                      </li>
                    ))}
                    {s.issues.length > 10 ? <li>{t('filing.review.moreIssues', { count: s.issues.length - 10 })}</li> : null}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : view.unconfirmed.length === 0 ? (
        <p className="form-success">{t('filing.review.ready')}</p>
      ) : null}
      {edit.editable && view.unconfirmed.length > 0 ? (
        <section className="error-summary" aria-labelledby="carry-title" data-testid="carry-unconfirmed">
          <h2 id="carry-title">{t('carry.reviewTitle')}</h2>
          <p>{t('carry.reviewIntro')}</p>
          <ul>
            {view.unconfirmed.map((item) => (
              <li key={item.itemId}>
                <Link href={`${base}/${item.section}`}>
                  {t(sectionLabels[item.section].title)} · {item.title || t('filing.form.untitled')}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="summary-title" className="stack">
        <h2 id="summary-title">{t('filing.review.summaryTitle')}</h2>
        <ContentView content={view.shownContent} context={context} />
        <section className="card" aria-labelledby="summary-attachments">
          <h2 id="summary-attachments">{t('filing.steps.attachments')}</h2>
          {view.attachments.length === 0 ? (
            <p className="muted">{t('filing.attachments.noneYet')}</p>
          ) : (
            <ul>
              {view.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/attachments/${a.id}`} download>
                    {a.fileName}
                  </a>{' '}
                  <span className="muted">({t(`filing.attachments.kind.${a.kind}`)})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </section>

      {edit.editable && missing.length === 0 ? (
        <CertifyForm
          disclosureId={view.id}
          stateVersion={view.stateVersion}
          reviewedHash={view.draftHash}
          attestation={localText(locale, view.cycle, 'attestation')}
        />
      ) : null}
    </FilingFrame>
  );
}
