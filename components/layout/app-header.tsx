// The signed-in header: navigation shows what the actor's roles allow (each page checks again itself).
// Shared by the signed-in shell and the not-found page, so a signed-in reader who lands on a 404 can
// still go somewhere.
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { LocaleSwitcher } from '@/components/layout/locale-switcher';
import { HeaderLink, MainNav } from '@/components/layout/main-nav';
import type { Actor } from '@/lib/auth/actor';
import { HOME_PATH, ROLES, hasRole } from '@/lib/auth/roles';
import { env } from '@/lib/env';

export async function AppHeader({ actor }: { actor: Actor }) {
  const t = await getTranslations('nav');
  const ta = await getTranslations('account.nav');
  const tp = await getTranslations('preferences');
  const items = ROLES.filter((r) => hasRole(actor, r)).map((r) => ({ href: HOME_PATH[r], label: t(`home.${r}`) }));
  return (
    <header className="app-header">
      <Link href="/" className="brand" lang="ja">
        開示 <span lang="en">Kaiji</span>
      </Link>
      <MainNav label={t('main')} items={items} />
      <div className="header-tools">
        <span className="user-name" data-testid="user-name">
          {actor.displayName}
        </span>
        {env().KAIJI_DEMO ? <HeaderLink href="/outbox">{ta('outbox')}</HeaderLink> : null}
        <HeaderLink href="/account">{tp('nav')}</HeaderLink>
        <HeaderLink href="/account/mfa">{ta('security')}</HeaderLink>
        <LocaleSwitcher />
        <SignOutButton label={t('signOut')} />
      </div>
    </header>
  );
}
