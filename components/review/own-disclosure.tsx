// What an officer sees on the review page of their own disclosure: why they cannot review it.
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';

export async function OwnDisclosureNotice() {
  const t = await getTranslations('review.page.own');
  return (
    <article aria-labelledby="page-title" className="card stack" data-testid="own-disclosure">
      <h1 id="page-title">{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <Link href="/disclosures">{t('link')}</Link>
      </p>
    </article>
  );
}
