import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Placeholder } from '@/components/layout/placeholder';
import { requireRole } from '@/lib/auth/actor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('home');
  return { title: t('admin.title') };
}

export default async function Page() {
  await requireRole('ADMIN');
  return <Placeholder titleKey="home.admin.title" bodyKey="home.admin.body" />;
}
