'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { setLocale } from '@/lib/account/locale-actions';
import { FormStatus, type Outcome } from '@/components/ui/form-status';
import { LOCALES, type Locale } from '@/lib/i18n/config';

/** The person's language: saved on their account (mail) and in the cookie (this browser's interface). */
export function LanguageForm({ current }: { current: Locale }) {
  const t = useTranslations();
  const router = useRouter();
  const [choice, setChoice] = useState<Locale>(current);
  const [outcome, setOutcome] = useState<Outcome>({});
  const [pending, start] = useTransition();
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const res = await setLocale(choice);
          setOutcome(res.ok ? { success: 'preferences.saved' } : { error: res.error });
          if (res.ok) router.refresh();
        });
      }}
    >
      <fieldset className="stack">
        <legend>{t('preferences.languageLegend')}</legend>
        {LOCALES.map((l) => (
          <label key={l} className="radio">
            <input type="radio" name="locale" value={l} checked={choice === l} onChange={() => setChoice(l)} />{' '}
            <span lang={l}>{t(`common.languageName.${l}`)}</span>
          </label>
        ))}
      </fieldset>
      <FormStatus outcome={outcome} />
      <button type="submit" className="button primary" disabled={pending}>
        {t('preferences.save')}
      </button>
    </form>
  );
}
