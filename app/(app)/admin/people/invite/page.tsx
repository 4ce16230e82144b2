import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { InviteForm } from '@/components/admin/person-forms';
import { institutionOptions } from '@/lib/admin/institutions';
import { requireRole } from '@/lib/auth/actor';
import { localName } from '@/lib/i18n/local-text';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.invite');
  return { title: t('title') };
}

export default async function InvitePage() {
  const actor = await requireRole('ADMIN');
  const [t, locale, institutions] = await Promise.all([getTranslations(), getLocale(), institutionOptions(actor)]);
  return (
    <section className="stack">
      <p>
        <Link href="/admin/people">{t('admin.people.back')}</Link>
      </p>
      <h1 id="page-title">{t('admin.invite.title')}</h1>
      <p className="muted">{t('admin.invite.intro')}</p>
      <div className="card">
        <InviteForm institutions={institutions.map((i) => ({ id: i.id, label: localName(locale, i) }))} defaultLocale={locale} />
      </div>
    </section>
  );
}
