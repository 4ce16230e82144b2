import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Placeholder } from '@/components/layout/placeholder';
import { requireRole } from '@/lib/auth/actor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('home');
  return { title: t('researcher.title') };
}

export default async function Page() {
  await requireRole('RESEARCHER');
  return <Placeholder titleKey="home.researcher.title" bodyKey="home.researcher.body" />;
}
