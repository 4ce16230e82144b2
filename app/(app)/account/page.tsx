// The signed-in person's own account: who they are and their language (for the interface and every
// mail Kaiji sends them).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { LanguageForm } from '@/components/account/language-form';
import { requireActor } from '@/lib/auth/actor';
import { db } from '@/lib/db/client';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('preferences');
  return { title: t('title') };
}

export default async function AccountPage() {
  const actor = await requireActor();
  const t = await getTranslations('preferences');
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { locale: true } });
  return (
    <div className="stack">
      <h1>{t('title')}</h1>
      <dl className="facts">
        <dt>{t('name')}</dt>
        <dd>{actor.displayName}</dd>
        <dt>{t('email')}</dt>
        <dd>{actor.email}</dd>
      </dl>
      <section aria-labelledby="language-title" className="stack">
        <h2 id="language-title">{t('languageTitle')}</h2>
        <p>{t('languageHelp')}</p>
        <LanguageForm current={isLocale(user.locale) ? user.locale : DEFAULT_LOCALE} />
      </section>
      <p>
        <Link href="/account/mfa">{t('security')}</Link>
      </p>
    </div>
  );
}
