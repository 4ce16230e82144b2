import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { TokenPage } from '@/components/account/token-page';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('account.accept');
  return { title: t('title'), referrer: 'no-referrer' };
}

export default async function AcceptInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  return <TokenPage token={(await params).token} purpose="INVITE" />;
}
