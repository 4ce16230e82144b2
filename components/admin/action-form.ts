// Glue between react-hook-form and the action result shape: server field errors go next to their
// fields, the rest to the form's status line. What the person typed is never reset on failure.
'use client';

import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ActionResult } from '@/lib/actions/action';
import type { Outcome } from './form-status';

export function outcomeOf<T extends FieldValues, R>(res: ActionResult<R>, success: string, setError?: UseFormSetError<T>): Outcome {
  if (res.ok) return { success };
  if (setError) {
    for (const [path, messages] of Object.entries(res.fieldErrors ?? {})) {
      if (path !== '_form' && messages[0]) setError(path as Path<T>, { type: 'server', message: messages[0] }, { shouldFocus: true });
    }
  }
  // When the message is already shown next to its field, do not repeat it above the form.
  const shownAtField = Object.values(res.fieldErrors ?? {}).some((m) => m.includes(res.error));
  return shownAtField && setError ? {} : { error: res.error, details: res.details };
}
