// The second step of sign-in for people with an authenticator app: only reachable with a session that
// still owes its code.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { AccountCard } from '@/components/account/account-card';
import { VerifyForm } from '@/components/account/verify-form';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { currentSession } from '@/lib/auth/actor';
import { safeReturnPath, signInPathFor } from '@/lib/auth/return-to';
import { MFA_PENDING_PATH, homePath } from '@/lib/auth/roles';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.verify');
  return { title: t('title') };
}

export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const actor = await currentSession();
  const returnTo = safeReturnPath((await searchParams).next);
  if (!actor) redirect(signInPathFor(returnTo));
  if (actor.mfaPending !== 'verify') redirect(actor.mfaPending ? signInPathFor(returnTo, MFA_PENDING_PATH[actor.mfaPending]) : (returnTo ?? homePath(actor)));
  const t = await getTranslations();
  return (
    <AccountCard>
      <h1 id="page-title">{t('account.verify.title')}</h1>
      <p>{t('account.verify.intro', { email: actor.email })}</p>
      <VerifyForm returnTo={returnTo} />
      <p className="muted">{t('account.verify.lost')}</p>
      <SignOutButton label={t('nav.signOut')} />
    </AccountCard>
  );
}
