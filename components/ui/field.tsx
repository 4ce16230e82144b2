// A labelled form control with its help text and error, linked for assistive technology: the input is
// described by both, marked invalid when there is an error, and the error is announced when it appears.
'use client';

import { type ReactElement, cloneElement, useId } from 'react';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
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
  const describedBy = [helpId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true" className="required-mark"> *</span> : null}
      </label>
      {help ? (
        <p id={helpId} className="field-help">
          {help}
        </p>
      ) : null}
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      <p id={errorId} className="field-error" role={error ? 'alert' : undefined}>
        {error ?? ''}
      </p>
    </div>
  );
}
