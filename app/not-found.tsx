// Not found (also every refusal: a record one may not see answers the same 404). Titled as what it is,
// and, for a signed-in reader, with the header's navigation; one main landmark either way.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { AppHeader } from '@/components/layout/app-header';
import { currentActor } from '@/lib/auth/actor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('errors');
  return { title: t('notFoundTitle') };
}

export default async function NotFound() {
  const t = await getTranslations('errors');
  const actor = await currentActor();
  const body = (
    <main id="main" className="app-main stack">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFound')}</p>
      <Link href="/">{t('backHome')}</Link>
    </main>
  );
  if (!actor) return body;
  return (
    <div className="app-shell">
      <AppHeader actor={actor} />
      {body}
    </div>
  );
}
