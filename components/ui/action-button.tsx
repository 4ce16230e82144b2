// One button that runs one server action with a fixed input, with an optional inline confirmation (a
// second, explicit button rather than a browser dialog, which is easier to reach and to read), and says
// what happened in the kit's live regions. After a success it goes where the action leads (`next`, whose
// `{key}` parts are filled from the action's result) or refreshes the page.
'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/action';
import { FormStatus, type Outcome, useOutcomeText } from './form-status';

/** `/disclosures/{disclosureId}` with the result's disclosureId; parts the result lacks stay as written. */
export function pathFrom(next: string, data: unknown): string {
  const values = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  return next.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const v = values[key];
    return typeof v === 'string' || typeof v === 'number' ? encodeURIComponent(String(v)) : whole;
  });
}

export function ActionButton<I>({
  action,
  input,
  label,
  pendingLabel,
  confirm,
  confirmLabel,
  cancelLabel,
  success,
  danger,
  primary,
  next,
  onDone,
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  /** Shown on the button while the action runs. */
  pendingLabel?: string;
  /** Catalog key of the question asked before running. */
  confirm?: string;
  confirmLabel?: string;
  cancelLabel?: string;
  /** Catalog key announced on success. */
  success?: string;
  danger?: boolean;
  primary?: boolean;
  /** Where to go after a success; `{key}` is replaced by the result's `key`. */
  next?: string;
  onDone?: (data: unknown) => void;
}) {
  const router = useRouter();
  const t = useTranslations();
  const text = useOutcomeText();
  const [asking, setAsking] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({});
  const [pending, start] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  const run = () =>
    start(async () => {
      setAsking(false);
      setOutcome({});
      const res = await action(input);
      setOutcome(res.ok ? (success ? { success } : {}) : { error: res.error, details: res.details });
      if (res.ok) {
        onDone?.(res.data);
        if (next) router.push(pathFrom(next, res.data));
        router.refresh();
      }
    });
  const kind = danger ? ' danger' : primary ? ' primary' : '';

  return (
    <div className="action-button">
      {asking ? (
        <div className="confirm-box" role="group" aria-label={label}>
          <p>{text(confirm)}</p>
          <div className="row">
            <button ref={confirmRef} type="button" className={`button ${danger ? 'danger' : 'primary'}`} onClick={run} disabled={pending}>
              {confirmLabel ?? label}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {cancelLabel ?? t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={`button${kind}`} disabled={pending} aria-busy={pending || undefined} onClick={() => (confirm ? setAsking(true) : run())}>
          {pending && pendingLabel ? pendingLabel : label}
        </button>
      )}
      <FormStatus outcome={outcome} />
    </div>
  );
}
