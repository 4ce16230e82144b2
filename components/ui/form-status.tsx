// The outcome of a form or a button, announced to assistive technology: errors assertively, successes
// politely, each in a live region that is always on the page (so it is announced once, when it changes).
// Messages are catalog keys; their details fill the message's parameters — a time as a date, a
// decision or status in words — so a refusal because someone else acted first says who did what and when.
'use client';

import { useFormatter, useTranslations } from 'next-intl';

export interface Outcome {
  error?: string;
  details?: Record<string, unknown>;
  success?: string;
}

export function useOutcomeText() {
  const t = useTranslations();
  const format = useFormatter();
  return (key: string | undefined, details?: Record<string, unknown>): string => {
    if (!key) return '';
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(details ?? {})) {
      if (typeof v === 'number') values[k] = v;
      else if (typeof v === 'string') values[k] = k === 'at' ? format.dateTime(new Date(v), { dateStyle: 'medium', timeStyle: 'short' }) : v;
      else if (v === null) values[k] = '';
    }
    for (const [k, ns] of [
      ['decision', 'review.decisionKinds'],
      ['status', 'review.statuses'],
    ] as const) {
      const v = details?.[k];
      if (typeof v === 'string' && t.has(`${ns}.${v}`)) values[k] = t(`${ns}.${v}`);
    }
    return t(key, values);
  };
}

export function FormStatus({ outcome, id }: { outcome: Outcome; id?: string }) {
  const text = useOutcomeText();
  return (
    <>
      <div id={id} role="alert" aria-live="assertive" className={outcome.error ? 'form-error' : 'visually-hidden'}>
        {text(outcome.error, outcome.details)}
      </div>
      <div role="status" aria-live="polite" className={outcome.success ? 'form-success' : 'visually-hidden'}>
        {text(outcome.success, outcome.details)}
      </div>
    </>
  );
}
