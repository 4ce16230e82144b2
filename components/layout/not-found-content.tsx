import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

/** What every not-found page says (refusals included: a record one may not see answers the same). */
export async function NotFoundContent() {
  const t = await getTranslations('errors');
  return (
    <section aria-labelledby="page-title" className="stack">
      <h1 id="page-title">{t('notFoundTitle')}</h1>
      <p>{t('notFound')}</p>
      <Link href="/">{t('backHome')}</Link>
    </section>
  );
}
