// One section of the disclosure: the form while the disclosure can be edited, otherwise what was filed.
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { SectionView } from '@/components/disclosures/content-view';
import { FilingFrame } from '@/components/filing/filing-frame';
import { GrantSuggestions } from '@/components/filing/grant-suggestions';
import { SectionEditor } from '@/components/filing/section-editor';
import { sectionLabels } from '@/lib/disclosures/labels';
import { isSectionKey, sectionKeys } from '@/lib/disclosures/sections';
import { grantSuggestions, linkedGrants } from '@/lib/filing/grant-suggestions';
import { localeOptions } from '@/lib/filing/locale-options';
import { loadFiling } from '@/lib/filing/pages';
import { localName } from '@/lib/i18n/local-text';

type Props = { params: Promise<{ id: string; section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section } = await params;
  const t = await getTranslations();
  return { title: isSectionKey(section) ? t(sectionLabels[section].title) : t('errors.notFoundTitle') };
}

export default async function Page({ params }: Props) {
  const { id, section } = await params;
  if (!isSectionKey(section)) notFound();
  const { actor, data: view } = await loadFiling(id);
  const grants =
    section === 'support' && view.editability.editable
      ? await Promise.all([grantSuggestions(actor, view.id), linkedGrants(view.id)])
      : null;
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const index = sectionKeys.indexOf(section);
  const base = `/disclosures/${view.id}`;
  const following = sectionKeys[index + 1];
  const next = following
    ? { href: `${base}/${following}`, label: t(sectionLabels[following].title) }
    : { href: `${base}/attachments`, label: t('filing.steps.attachments') };
  const context = {
    rates: view.cycle.rates,
    attachmentNames: Object.fromEntries(view.attachments.map((a) => [a.id, a.fileName])),
    departmentNames: Object.fromEntries(view.departments.map((d) => [d.id, localName(locale, d)])),
  };
  return (
    <FilingFrame view={view}>
      <h1>
        <span className="step-number">{t('filing.form.stepOf', { n: index + 1, total: 9 })}</span> {t(sectionLabels[section].title)}
      </h1>
      <p className="section-description">{t(sectionLabels[section].description)}</p>
      {grants ? <GrantSuggestions disclosureId={view.id} suggestions={grants[0]} /> : null}
      {view.editability.editable ? (
        <SectionEditor
          key={`${section}-${view.versionCount}-${view.revisions[section]}`}
          disclosureId={view.id}
          section={section}
          initial={view.content[section] as Record<string, unknown>}
          revision={view.revisions[section]}
          generation={view.versionCount}
          rates={view.cycle.rates}
          departments={view.departments}
          attachments={view.attachments.map((a) => ({ id: a.id, fileName: a.fileName, kind: a.kind }))}
          attachmentsHref={`${base}/attachments`}
          next={next}
          options={localeOptions(locale)}
          carried={view.carried}
          linked={grants?.[1]}
          fiscalYear={view.cycle.fiscalYear}
        />
      ) : (
        <>
          <p className="form-notice">{t(`filing.errors.notEditable.${view.editability.reason}`)}</p>
          <SectionView section={section} data={view.shownContent[section]} context={context} />
        </>
      )}
    </FilingFrame>
  );
}
