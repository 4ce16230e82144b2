'use client';
// "Suggested from the grants Kaiji holds": each imported domestic grant of the researcher still running
// this year, with its period and amounts, to add to current and pending support (filled and linked, not
// retyped) or to dismiss for good. Unsaved typing is saved first; the page then reloads its data.
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { acceptGrantAction, dismissGrantAction } from '@/lib/filing/grant-actions';
import type { GrantSuggestion } from '@/lib/filing/grant-suggestions';
import { formatMoney } from '@/lib/money';
import { flushPending } from './pending-saves';

function yen(amount: string, locale: string): string {
  return formatMoney({ amountMinor: BigInt(amount), currency: 'JPY' }, locale);
}

export function GrantSuggestions({ disclosureId, suggestions }: { disclosureId: string; suggestions: GrantSuggestion[] }) {
  const t = useTranslations('grantSuggestions');
  const tAll = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  if (suggestions.length === 0) return null;

  const answer = (s: GrantSuggestion, accept: boolean) =>
    start(async () => {
      setError(undefined);
      await flushPending();
      const input = { disclosureId, funder: s.funder, projectNumber: s.projectNumber };
      const res = accept ? await acceptGrantAction(input) : await dismissGrantAction(input);
      if (!res.ok) {
        setError(res.error);
        return;
      }
      router.refresh();
    });

  return (
    <section className="card stack" aria-labelledby="grant-suggestions-title" data-testid="grant-suggestions">
      <h2 id="grant-suggestions-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <ul className="stack">
        {suggestions.map((s) => {
          const name = s.title ?? s.projectNumber;
          return (
            <li key={`${s.funder}-${s.projectNumber}`} className="stack" data-testid="grant-suggestion">
              <p>
                <strong>{name}</strong> <span className="muted">({t(`funder.${s.funder === 'KAKENHI' ? 'KAKENHI' : 'other'}`, { funder: s.funder })} {s.projectNumber})</span>
              </p>
              <dl className="grant-facts">
                <dt>{t('period')}</dt>
                <dd>{t('periodValue', { start: s.startDate, end: s.endDate })}</dd>
                <dt>{t('total')}</dt>
                <dd>{yen(s.totalJpy, locale)}</dd>
                <dt>{t('perYear')}</dt>
                <dd>{s.years.map((y) => t('yearAmount', { fy: y.fiscalYear, amount: yen(y.amountJpy, locale) })).join(t('separator'))}</dd>
                <dt>{t('role')}</dt>
                <dd>{tAll(`disclosure.support.role.options.${s.role}`)}</dd>
              </dl>
              <div className="row">
                <button type="button" className="button primary" disabled={pending} onClick={() => answer(s, true)}>
                  {t('accept')}
                  <span className="visually-hidden"> ({name})</span>
                </button>
                <button type="button" className="button" disabled={pending} onClick={() => answer(s, false)}>
                  {t('dismiss')}
                  <span className="visually-hidden"> ({name})</span>
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {error ? (
        <p className="field-error" role="alert">
          {tAll(error)}
        </p>
      ) : null}
    </section>
  );
}
