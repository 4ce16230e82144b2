// Starting the review of a disclosure waiting in the queue: an explicit step (opening the page changes
// nothing). The button sends the state version the officer saw, so a change made meanwhile is reported.
'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { startReviewAction } from '@/lib/review/actions';
import { FormStatus, type Outcome } from '@/components/ui/form-status';

export function StartReview({ disclosureId, stateVersion }: { disclosureId: string; stateVersion: number }) {
  const t = useTranslations('review.start');
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const [pending, start] = useTransition();
  const run = () =>
    start(async () => {
      setOutcome({});
      const res = await startReviewAction({ disclosureId, stateVersion });
      if (res.ok) {
        setOutcome({ success: 'review.start.done' });
        router.refresh();
      } else setOutcome({ error: res.error, details: res.details });
    });
  return (
    <div className="start-review row">
      <button type="button" className="button primary" disabled={pending} onClick={run}>
        {t('button')}
      </button>
      <p className="muted">{t('help')}</p>
      <FormStatus outcome={outcome} />
    </div>
  );
}
