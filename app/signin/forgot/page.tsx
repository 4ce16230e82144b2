// "Forgot your password?": asks for the address and mails a reset link (lib/auth/forgot-password.ts).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AccountCard } from '@/components/account/account-card';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { currentSession } from '@/lib/auth/actor';
import { homePath } from '@/lib/auth/roles';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('forgotPassword');
  return { title: t('title') };
}

export default async function ForgotPasswordPage() {
  const actor = await currentSession();
  if (actor && !actor.mfaPending) redirect(homePath(actor));
  const t = await getTranslations('forgotPassword');
  return (
    <AccountCard>
      <h1 id="page-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <ForgotPasswordForm />
      <Link href="/signin">{t('backToSignIn')}</Link>
    </AccountCard>
  );
}
