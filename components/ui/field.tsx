// A labelled form control with its help text and error, linked for assistive technology: the input is
// described by both (and by its group's error, inside a FieldGroup), marked invalid when there is an
// error, marked required when it is, and the error is announced when it appears (unless the form's error
// summary announces errors).
'use client';

import { type ReactElement, cloneElement, useId } from 'react';
import { idRefs, useControlState, useErrorRole } from './field-group';
import { RequiredMark } from './required-hint';

export interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
  'aria-required'?: boolean;
}

export function Field({
  id: givenId,
  label,
  help,
  error,
  required,
  children,
}: {
  /** A stable id for the control, when something links to it (an error summary); generated otherwise. */
  id?: string;
  label: string;
  help?: string;
  error?: string;
  required?: boolean;
  children: ReactElement<ControlProps>;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const helpId = help ? `${id}-help` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const control = useControlState(errorId, Boolean(error));
  const errorRole = useErrorRole(error);
  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      {cloneElement(children, {
        id,
        'aria-describedby': idRefs(helpId, control.errorRefs),
        'aria-invalid': control['aria-invalid'],
        'aria-required': required ? true : undefined,
      })}
      <p id={`${id}-error`} className="field-error" role={errorRole}>
        {error ?? ''}
      </p>
    </div>
  );
}
