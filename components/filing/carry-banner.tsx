'use client';
// "From last year — still true?" on an entry carried from the last filed disclosure: confirm it as it
// stands, or end it on a date in this cycle's year (editing the entry is the third answer). Unsaved
// typing is saved first, so an answer never races the autosave; the page then reloads its data.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { confirmCarriedAction, endCarriedAction } from '@/lib/filing/carry-actions';
import type { CarryStates } from '@/lib/filing/carry';
import { flushPending } from './pending-saves';

export function CarryBanner({
  disclosureId,
  itemId,
  carried,
  endable,
  fiscalYear,
  title,
}: {
  disclosureId: string;
  itemId: string;
  carried: CarryStates[string];
  endable: boolean;
  fiscalYear: number;
  title: string;
}) {
  const t = useTranslations('carry');
  const tAll = useTranslations();
  const router = useRouter();
  const id = useId();
  const [pending, start] = useTransition();
  const [ending, setEnding] = useState(false);
  const [endDate, setEndDate] = useState('');
  const [error, setError] = useState<string>();

  if (carried.state !== 'PENDING') {
    return (
      <p className="carry-banner carry-answered" data-testid="carry-state">
        <span className="badge ok">{t(`state.${carried.state}`, { date: carried.endedOn ?? '' })}</span>
      </p>
    );
  }

  const run = (fn: () => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string[]> }>) =>
    start(async () => {
      setError(undefined);
      await flushPending();
      const res = await fn();
      if (!res.ok) {
        setError(res.fieldErrors?.endDate?.[0] ?? res.error ?? 'errors.unexpected');
        return;
      }
      router.refresh();
    });
  const end = () => run(() => endCarriedAction({ disclosureId, itemId, endDate }));

  return (
    <div className="carry-banner form-notice stack" role="group" aria-labelledby={`${id}-q`} data-testid="carry-question">
      <p id={`${id}-q`}>
        <strong>{t('question')}</strong>
        <span className="visually-hidden"> ({title})</span> {t('questionHelp')}
      </p>
      <div className="row">
        <button
          type="button"
          className="button"
          disabled={pending}
          onClick={() => run(() => confirmCarriedAction({ disclosureId, itemId }))}
        >
          {t('confirm')}
          <span className="visually-hidden"> ({title})</span>
        </button>
        {endable && !ending ? (
          <button type="button" className="button" disabled={pending} onClick={() => setEnding(true)}>
            {t('endToggle')}
            <span className="visually-hidden"> ({title})</span>
          </button>
        ) : null}
      </div>
      {endable && ending ? (
        <div className="field">
          <label htmlFor={`${id}-end`}>{t('endDate')}</label>
          <p className="field-help" id={`${id}-end-help`}>
            {t('endHelp', { fy: fiscalYear, next: fiscalYear + 1 })}
          </p>
          <input
            id={`${id}-end`}
            type="date"
            value={endDate}
            aria-describedby={`${id}-end-help${error ? ` ${id}-error` : ''}`}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setEndDate(e.target.value)}
            onKeyDown={(e) => {
              // Enter here ends the entry; it must not submit the section form around it.
              if (e.key === 'Enter') {
                e.preventDefault();
                end();
              }
            }}
          />
          <div className="row">
            <button type="button" className="button primary" disabled={pending} onClick={end}>
              {t('endSubmit')}
            </button>
            <button type="button" className="button" disabled={pending} onClick={() => setEnding(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {error ? (
        <p className="field-error" role="alert" id={`${id}-error`}>
          {tAll(error, { fy: fiscalYear, next: fiscalYear + 1 })}
        </p>
      ) : null}
    </div>
  );
}
