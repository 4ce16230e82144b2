import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TokenPage } from '@/components/account/token-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.reset');
  return { title: t('title'), referrer: 'no-referrer' };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  return <TokenPage token={(await params).token} purpose="PASSWORD_RESET" />;
}
