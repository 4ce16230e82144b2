// Versions of a disclosure, newest first: each submission with its certification, and for every
// version after the first, what changed from the one before, field by field. An update being drafted
// is compared with the last version too.
import type { Metadata } from 'next';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { VersionDiff } from '@/components/disclosures/version-diff';
import { FilingFrame } from '@/components/filing/filing-frame';
import { GrantExportLinks } from '@/components/filing/grant-export-links';
import { loadFiling, loadVersions } from '@/lib/filing/pages';
import { localName } from '@/lib/i18n/local-text';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('filing');
  return { title: t('steps.versions') };
}

export default async function Page({ params }: Props) {
  const { id } = await params;
  const [{ data: view }, { data: history }] = await Promise.all([loadFiling(id), loadVersions(id)]);
  const [t, format, locale] = await Promise.all([getTranslations(), getFormatter(), getLocale()]);
  const context = {
    rates: view.cycle.rates,
    attachmentNames: Object.fromEntries(view.attachments.map((a) => [a.id, a.fileName])),
    departmentNames: Object.fromEntries(view.departments.map((d) => [d.id, localName(locale, d)])),
  };
  const versions = [...history.versions].reverse();
  const last = history.versions.at(-1);
  return (
    <FilingFrame view={view}>
      <h1>{t('filing.steps.versions')}</h1>
      {versions.length === 0 ? <p>{t('filing.versions.none')}</p> : null}
      {history.draft && last ? (
        <section className="card stack" aria-labelledby="draft-diff-title">
          <h2 id="draft-diff-title">{t('filing.versions.draftTitle', { number: last.number })}</h2>
          <VersionDiff before={last.content} after={history.draft} context={context} />
          <p>
            <Link href={`/disclosures/${view.id}/review`}>{t('filing.overview.reviewAndSubmit')}</Link>
          </p>
        </section>
      ) : null}
      <ol className="versions stack" reversed>
        {versions.map((v) => {
          const previous = history.versions.find((p) => p.number === v.number - 1);
          return (
            <li key={v.id} id={`v${v.number}`}>
              <article className="card stack" aria-labelledby={`v${v.number}-title`}>
                <h2 id={`v${v.number}-title`}>
                  {t('filing.versions.title', { number: v.number })} <span className="badge info">{t(`filing.versions.kind.${v.kind}`)}</span>
                </h2>
                <dl className="field-list compact">
                  <div className="field-list-row">
                    <dt>{t('filing.versions.certifiedAt')}</dt>
                    <dd>{format.dateTime(v.certifiedAt, { dateStyle: 'long', timeStyle: 'medium' })}</dd>
                  </div>
                  <div className="field-list-row">
                    <dt>{t('filing.versions.certifiedName')}</dt>
                    <dd>{v.certifiedName}</dd>
                  </div>
                  <div className="field-list-row">
                    <dt>{t('filing.versions.hash')}</dt>
                    <dd>
                      <code title={v.contentHash}>{v.contentHash.slice(0, 16)}…</code>
                    </dd>
                  </div>
                </dl>
                <GrantExportLinks disclosureId={view.id} number={v.number} locale={locale} />
                <details>
                  <summary>{t('filing.versions.attestation')}</summary>
                  <blockquote lang={v.locale}>{v.attestationText}</blockquote>
                </details>
                {previous ? (
                  <section aria-label={t('filing.versions.changesFrom', { number: previous.number })} className="stack">
                    <h3>{t('filing.versions.changesFrom', { number: previous.number })}</h3>
                    <VersionDiff before={previous.content} after={v.content} context={context} headingLevel={4} />
                  </section>
                ) : (
                  <p className="muted">{t('filing.versions.first')}</p>
                )}
              </article>
            </li>
          );
        })}
      </ol>
    </FilingFrame>
  );
}
