'use client';
// A button that runs one filing action and then goes where it leads (or refreshes the page), showing the
// action's error in words. Used for start, start update and discard update.
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { discardUpdateAction, startDisclosureAction, startUpdateAction } from '@/lib/filing/actions';

type Kind =
  | { action: 'start'; cycleId: string }
  | { action: 'startUpdate'; disclosureId: string; stateVersion: number }
  | { action: 'discardUpdate'; disclosureId: string; stateVersion: number };

export function ActionButton({ label, pendingLabel, confirm, primary, next, ...kind }: Kind & { label: string; pendingLabel: string; confirm?: string; primary?: boolean; next?: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  return (
    <div className="action-button">
      <button
        type="button"
        className={primary ? 'button primary' : 'button'}
        disabled={pending}
        aria-busy={pending || undefined}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          setError(undefined);
          start(async () => {
            const res =
              kind.action === 'start'
                ? await startDisclosureAction({ cycleId: kind.cycleId })
                : kind.action === 'startUpdate'
                  ? await startUpdateAction({ disclosureId: kind.disclosureId, stateVersion: kind.stateVersion })
                  : await discardUpdateAction({ disclosureId: kind.disclosureId, stateVersion: kind.stateVersion });
            if (!res.ok) {
              setError(res.error);
              return;
            }
            const target = kind.action === 'start' && 'disclosureId' in res.data ? `/disclosures/${res.data.disclosureId}` : next;
            if (target) router.push(target);
            router.refresh();
          });
        }}
      >
        {pending ? pendingLabel : label}
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
