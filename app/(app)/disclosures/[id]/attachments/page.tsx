// Attachments of a disclosure: contracts of appointments and their translations.
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { itemSummary } from '@/components/disclosures/format';
import { AttachmentsManager } from '@/components/filing/attachments-manager';
import { FilingFrame } from '@/components/filing/filing-frame';
import { attachmentMaxBytes } from '@/lib/filing/attachments';
import { loadFiling } from '@/lib/filing/pages';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('filing');
  return { title: t('steps.attachments') };
}

export default async function Page({ params }: Props) {
  const { id } = await params;
  const { data: view } = await loadFiling(id);
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const ctx = { t, locale };
  return (
    <FilingFrame view={view}>
      <h1>
        <span className="step-number">{t('filing.form.stepOf', { n: 8, total: 9 })}</span> {t('filing.steps.attachments')}
      </h1>
      <p className="section-description">{t('filing.attachments.intro')}</p>
      <AttachmentsManager
        disclosureId={view.id}
        attachments={view.attachments}
        editable={view.editability.editable}
        appointments={view.content.appointments.items.map((item, i) => ({
          id: item.id,
          label: `${i + 1}. ${itemSummary('appointments', item as Record<string, unknown>, ctx) || t('filing.form.untitled')}`,
        }))}
        maxMb={Math.floor(attachmentMaxBytes() / 1024 / 1024)}
      />
    </FilingFrame>
  );
}
