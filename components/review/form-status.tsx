// The outcome of a review form, announced: errors assertively, successes politely. A refusal because
// someone else acted first says who did what and when (details from the action).
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
    if (typeof details?.decision === 'string') values.decision = t(`review.decisionKinds.${details.decision}`);
    if (typeof details?.status === 'string') values.status = t(`review.statuses.${details.status}`);
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
