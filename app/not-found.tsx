import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

export default async function NotFound() {
  const t = await getTranslations('errors');
  return (
    <main id="main" className="app-main stack">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFound')}</p>
      <Link href="/">{t('backHome')}</Link>
    </main>
  );
}
