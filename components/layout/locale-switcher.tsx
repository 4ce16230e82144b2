'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { setLocale } from '@/lib/account/locale-actions';
import { LOCALES } from '@/lib/i18n/config';

export function LocaleSwitcher() {
  const t = useTranslations('common');
  const current = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <div className="locale-switcher" role="group" aria-label={t('language')}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          className="button link"
          lang={l}
          aria-pressed={l === current}
          disabled={pending || l === current}
          onClick={() => start(async () => {
            await setLocale(l);
            router.refresh();
          })}
        >
          {t(`languageName.${l}`)}
        </button>
      ))}
    </div>
  );
}
