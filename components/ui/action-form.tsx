// The form kit's frame: the fields bound through react-hook-form's context (FormField reads its own
// error), the required-fields hint in words once per form (shown only when a control in it is required:
// CSS :has, so nothing appears or moves after hydration), and the outcome's live regions.
'use client';

import type { ReactElement, ReactNode } from 'react';
import { type FieldValues, FormProvider, type UseFormReturn, useFormState } from 'react-hook-form';
import { type ControlProps, Field } from './field';
import { FormStatus, type Outcome } from './form-status';
import { RequiredHint } from './required-hint';
import { useFieldError } from './use-field-error';

export function ActionForm<T extends FieldValues, O extends FieldValues>({
  form,
  onSubmit,
  outcome,
  className,
  children,
  ...labelling
}: {
  form: UseFormReturn<T, unknown, O>;
  onSubmit: (e?: React.BaseSyntheticEvent) => Promise<void>;
  outcome: Outcome;
  className?: string;
  children: ReactNode;
  'aria-labelledby'?: string;
  'aria-label'?: string;
}) {
  return (
    <FormProvider {...form}>
      <form onSubmit={onSubmit} noValidate className={`stack action-form${className ? ` ${className}` : ''}`} {...labelling}>
        <RequiredHint />
        {children}
        <FormStatus outcome={outcome} />
      </form>
    </FormProvider>
  );
}

/** A Field whose error is the form's own for `name` (set by the schema or by the server), or for `alsoName`. */
export function FormField({
  name,
  alsoName,
  ...props
}: {
  name: string;
  alsoName?: string;
  id?: string;
  label: string;
  help?: string;
  required?: boolean;
  children: ReactElement<ControlProps>;
}) {
  const own = useFieldError(name);
  const also = useFieldError(alsoName ?? name);
  const error = own ?? also;
  return <Field {...props} error={error} />;
}

/** The form's submit button, disabled (and saying so) while the action runs. */
export function SubmitButton({ label, pendingLabel, className = 'button primary' }: { label: string; pendingLabel?: string; className?: string }) {
  const { isSubmitting } = useFormState();
  return (
    <div>
      <button type="submit" className={className} disabled={isSubmitting} aria-busy={isSubmitting || undefined}>
        {isSubmitting && pendingLabel ? pendingLabel : label}
      </button>
    </div>
  );
}
