// One button that runs one server action with a fixed input, with an optional inline confirmation
// (a second, explicit button rather than a browser dialog), and says what happened.
'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/action';
import { FormStatus, type Outcome, useMessage } from './form-status';

export function ActionButton<I>({
  action,
  input,
  label,
  confirm,
  confirmLabel,
  cancelLabel,
  success,
  danger,
  onDone,
}: {
  action: (input: I) => Promise<ActionResult<unknown>>;
  input: I;
  label: string;
  /** Catalog key of the question asked before running. */
  confirm?: string;
  confirmLabel?: string;
  cancelLabel?: string;
  /** Catalog key announced on success. */
  success: string;
  danger?: boolean;
  onDone?: (data: unknown) => void;
}) {
  const router = useRouter();
  const msg = useMessage();
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
      const res = await action(input);
      setOutcome(res.ok ? { success } : { error: res.error, details: res.details });
      if (res.ok) {
        onDone?.(res.data);
        router.refresh();
      }
    });

  return (
    <div className="action-button">
      {asking ? (
        <div className="confirm-box" role="group" aria-label={label}>
          <p>{msg(confirm)}</p>
          <div className="row">
            <button ref={confirmRef} type="button" className={`button ${danger ? 'danger' : 'primary'}`} onClick={run} disabled={pending}>
              {confirmLabel ?? label}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {cancelLabel}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className={`button${danger ? ' danger' : ''}`} disabled={pending} onClick={() => (confirm ? setAsking(true) : run())}>
          {label}
        </button>
      )}
      <FormStatus outcome={outcome} />
    </div>
  );
}
