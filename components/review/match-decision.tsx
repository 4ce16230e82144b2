// Confirm or dismiss one watchlist match, with an optional note. The decision is remembered for the
// organisation, so the buttons say so.
'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { decideMatchAction } from '@/lib/review/actions';
import { LIMITS } from '@/lib/review/schemas';
import { FormStatus, type Outcome } from '@/components/ui/form-status';

export function MatchDecision({ disclosureId, matchId, status, organisation }: { disclosureId: string; matchId: string; status: string; organisation: string }) {
  const t = useTranslations('review.matches');
  const router = useRouter();
  const id = useId();
  const [note, setNote] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({});
  const [pending, start] = useTransition();
  const run = (decision: 'CONFIRMED' | 'DISMISSED') =>
    start(async () => {
      setOutcome({});
      const res = await decideMatchAction({ disclosureId, matchId, decision, note });
      if (res.ok) {
        setOutcome({ success: decision === 'CONFIRMED' ? 'review.matches.confirmedDone' : 'review.matches.dismissedDone' });
        router.refresh();
      } else setOutcome({ error: res.error, details: res.details });
    });
  return (
    <div className="match-decision" role="group" aria-label={t('decideFor', { organisation })}>
      <label htmlFor={`${id}-note`}>{t('note')}</label>
      <input id={`${id}-note`} type="text" maxLength={LIMITS.note} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="row">
        <button type="button" className="button" disabled={pending || status === 'CONFIRMED'} onClick={() => run('CONFIRMED')}>
          {t('confirm')}
        </button>
        <button type="button" className="button" disabled={pending || status === 'DISMISSED'} onClick={() => run('DISMISSED')}>
          {t('dismiss')}
        </button>
      </div>
      <FormStatus outcome={outcome} />
    </div>
  );
}
