import { getTranslations } from 'next-intl/server';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { requireActor } from '@/lib/auth/actor';

export default async function NoAccess() {
  await requireActor();
  const t = await getTranslations();
  return (
    <main id="main" className="app-main stack">
      <h1>{t('home.noAccess.title')}</h1>
      <p>{t('home.noAccess.body')}</p>
      <SignOutButton label={t('nav.signOut')} />
    </main>
  );
}
