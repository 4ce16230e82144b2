// The signed-in shell: navigation shows what the actor's roles allow (each page checks again itself).
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { LocaleSwitcher } from '@/components/layout/locale-switcher';
import { requireActor } from '@/lib/auth/actor';
import { HOME_PATH, ROLES, hasRole } from '@/lib/auth/roles';
import { env } from '@/lib/env';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const t = await getTranslations('nav');
  const ta = await getTranslations('account.nav');
  const tp = await getTranslations('preferences');
  const items = ROLES.filter((r) => hasRole(actor, r)).map((r) => ({ role: r, href: HOME_PATH[r] }));
  return (
    <div className="app-shell">
      <header className="app-header">
        <Link href="/" className="brand" lang="ja">
          開示 <span lang="en">Kaiji</span>
        </Link>
        <nav aria-label={t('main')}>
          <ul>
            {items.map((i) => (
              <li key={i.role}>
                <Link href={i.href}>{t(`home.${i.role}`)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <span className="user-name" data-testid="user-name">
            {actor.displayName}
          </span>
          {env().KAIJI_DEMO ? <Link href="/outbox">{ta('outbox')}</Link> : null}
          <Link href="/account">{tp('nav')}</Link>
          <Link href="/account/mfa">{ta('security')}</Link>
          <LocaleSwitcher />
          <SignOutButton label={t('signOut')} />
        </div>
      </header>
      <main id="main" className="app-main">
        {children}
      </main>
    </div>
  );
}
