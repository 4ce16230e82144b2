// The form kit's hook: one zod schema checks the form in the browser (react-hook-form's resolver) and the
// action parses it again on the server; the action's result comes back in one way — field errors next to
// their fields (the first one focused), the rest in the form's status line. What was typed is never
// reset on failure. A form built on it holds only its fields (see ActionForm and FormField).
'use client';

import { useState } from 'react';
import { type DefaultValues, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormReturn, type UseFormSetError, get, set, useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/action';
import { encodeIssue } from '@/lib/filing/form-values';
import type { Outcome } from './form-status';

/**
 * The schema as a resolver whose messages keep their parameters: a catalog key plus `{max}`/`{min}` from
 * the schema's own limit (encoded as the filing form does), so one message "At most {max} characters"
 * serves every field and FormField/useFieldError translate it with the right figure.
 */
export function schemaResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S): Resolver<z.input<S>, unknown, z.output<S>> {
  return async (values) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const errors: FieldErrors = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join('.') || 'root';
      if ((get(errors, path) as { message?: string } | undefined)?.message) continue;
      const params: Record<string, number> = {};
      if (issue.code === 'too_big') params.max = Number(issue.maximum);
      if (issue.code === 'too_small') params.min = Number(issue.minimum);
      const message = encodeIssue({ key: issue.message, ...(Object.keys(params).length ? { params } : {}) });
      set(errors, path, { ...(get(errors, path) as object | undefined), type: issue.code, message });
    }
    return { values: {}, errors: errors as FieldErrors<z.input<S>> };
  };
}

/** An action's result as the form's outcome; server field errors are set on their fields. */
export function outcomeOf<T extends FieldValues, R>(res: ActionResult<R>, success: string | undefined, setError?: UseFormSetError<T>): Outcome {
  if (res.ok) return success ? { success } : {};
  if (setError) {
    for (const [path, messages] of Object.entries(res.fieldErrors ?? {})) {
      if (path !== '_form' && messages[0]) setError(path as Path<T>, { type: 'server', message: messages[0] }, { shouldFocus: true });
    }
  }
  // When the message is already shown next to its field, do not repeat it above the form.
  const shownAtField = Object.values(res.fieldErrors ?? {}).some((m) => m.includes(res.error));
  return shownAtField && setError ? {} : { error: res.error, details: res.details };
}

export interface ActionFormOptions<S extends z.ZodType<FieldValues, FieldValues>, R> {
  schema: S;
  action: (values: z.output<S>) => Promise<ActionResult<R>>;
  defaultValues: DefaultValues<z.input<S>>;
  /** Catalog key announced when the action succeeds, and the values of its parameters. */
  success?: string;
  successDetails?: (data: R) => Record<string, unknown>;
  /** After a success (navigate, refresh, reset the form…). */
  onSuccess?: (data: R, values: z.output<S>) => void | Promise<void>;
}

export type ActionFormReturn<S extends z.ZodType<FieldValues, FieldValues>> = {
  form: UseFormReturn<z.input<S>, unknown, z.output<S>>;
  outcome: Outcome;
  setOutcome: (outcome: Outcome) => void;
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>;
};

export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, R>({
  schema,
  action,
  defaultValues,
  success,
  successDetails,
  onSuccess,
}: ActionFormOptions<S, R>): ActionFormReturn<S> {
  const [outcome, setOutcome] = useState<Outcome>({});
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: schemaResolver(schema),
    defaultValues,
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setOutcome({});
    const res = await action(values);
    const outcome = outcomeOf(res, success, form.setError);
    setOutcome(res.ok && success && successDetails ? { ...outcome, details: successDetails(res.data) } : outcome);
    if (res.ok) await onSuccess?.(res.data, values);
  });
  return { form, outcome, setOutcome, onSubmit };
}
