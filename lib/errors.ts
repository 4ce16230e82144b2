// The domain's errors, thrown by lib code and mapped to one answer by the action wrapper
// (`lib/actions/action.ts`) and the route guard. Nothing here imports Next.js or next-auth, so domain
// modules, scripts and tests can throw them without pulling in request-scoped code.
import type { z } from 'zod';

export type FieldErrors = Record<string, string[]>;

/** What every action answers (and domain code that answers like one, such as the forgot-password form). */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: FieldErrors; details?: Record<string, unknown> };

/** A failure the user can act on; `key` is a message catalog key. */
export class ActionError extends Error {
  constructor(
    readonly key: string,
    readonly fieldErrors?: FieldErrors,
    readonly details?: Record<string, unknown>,
  ) {
    super(key);
  }
}

/** "Not yours" and "does not exist" are the same answer, everywhere. */
export class NotFoundError extends ActionError {
  constructor(readonly resource = 'record') {
    super('errors.notFound');
  }
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_form';
    (out[path] ??= []).push(issue.message);
  }
  return out;
}
