import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

// "Page not found" inside the signed-in shell, whose layout already holds the page's one <main>
// (app/not-found.tsx, with its own <main>, answers addresses that match no page at all).
export default async function NotFoundInShell() {
  const t = await getTranslations('errors');
  return (
    <section className="stack" aria-labelledby="not-found-title">
      <h1 id="not-found-title">{t('notFoundTitle')}</h1>
      <p>{t('notFound')}</p>
      <Link href="/">{t('backHome')}</Link>
    </section>
  );
}
