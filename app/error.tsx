'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main id="main" className="app-main stack" role="alert">
      <h1>{t('unexpectedTitle')}</h1>
      <p>{t('unexpected')}</p>
      <button type="button" className="button" onClick={reset}>
        {t('retry')}
      </button>
    </main>
  );
}
