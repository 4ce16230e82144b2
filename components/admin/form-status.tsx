// The outcome of a form or button, announced to assistive technology: errors assertively, successes politely.
'use client';

import { useTranslations } from 'next-intl';

export interface Outcome {
  error?: string;
  details?: Record<string, unknown>;
  success?: string;
}

type Values = Record<string, string | number>;

export function useMessage() {
  const t = useTranslations();
  return (key: string | undefined, values?: Record<string, unknown>) => (key ? t(key, values as Values | undefined) : undefined);
}

export function FormStatus({ outcome }: { outcome: Outcome }) {
  const msg = useMessage();
  return (
    <>
      <div role="alert" aria-live="assertive" className={outcome.error ? 'form-error' : 'visually-hidden'}>
        {msg(outcome.error, outcome.details)}
      </div>
      <div role="status" aria-live="polite" className={outcome.success ? 'form-success' : 'visually-hidden'}>
        {msg(outcome.success, outcome.details)}
      </div>
    </>
  );
}
