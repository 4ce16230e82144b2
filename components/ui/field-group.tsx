'use client';
// Fields that belong together (an amount and its currency, a time commitment's amount and unit, a yes/no
// question) sit in a fieldset. An error on the group as a whole must reach each of its controls: every
// control inside is marked invalid and described by the group's error (WCAG 1.3.1, 3.3.1), so the
// control that focus lands on from the error summary says what is wrong.
// Inside a form with an error summary (the summary is the one alert), field errors are not alerts
// themselves: five alerts at once after a check are noise, not help.
import { type ReactNode, createContext, useContext } from 'react';
import { RequiredMark } from './required-hint';

type Group = { errorId?: string; invalid: boolean };
const GroupContext = createContext<Group>({ invalid: false });
const AnnounceContext = createContext(true);

/** The group around a control, for its aria-describedby and aria-invalid. */
export function useFieldGroup(): Group {
  return useContext(GroupContext);
}

/** role="alert" for a field's error, unless an error summary announces them. */
export function useErrorRole(error: string | undefined): 'alert' | undefined {
  const announce = useContext(AnnounceContext);
  return error && announce ? 'alert' : undefined;
}

/** Wraps a form whose errors are announced by its error summary. */
export function SummarisedErrors({ children }: { children: ReactNode }) {
  return <AnnounceContext value={false}>{children}</AnnounceContext>;
}

/** Space-separated ids, or undefined when there are none. */
export function idRefs(...ids: (string | false | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

/** The attributes a control inside a group adds for its own error (if any) and the group's. */
export function useControlState(ownErrorId: string | undefined, ownInvalid: boolean) {
  const group = useFieldGroup();
  return {
    'aria-invalid': ownInvalid || group.invalid ? (true as const) : undefined,
    errorRefs: idRefs(ownErrorId, group.errorId),
  };
}

export function FieldGroup({
  id,
  legend,
  help,
  error,
  required,
  className,
  children,
}: {
  id: string;
  legend: ReactNode;
  help?: string;
  error?: string;
  required?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const errorId = `${id}-error`;
  const helpId = help ? `${id}-help` : undefined;
  const errorRole = useErrorRole(error);
  // A group inside a group (a yes/no question among a programme's obligations) passes the outer error on.
  const parent = useFieldGroup();
  const inner: Group = { errorId: idRefs(error && errorId, parent.errorId), invalid: Boolean(error) || parent.invalid };
  return (
    <fieldset
      className={className}
      id={id}
      aria-describedby={helpId}
      data-invalid={error ? 'true' : undefined}
    >
      <legend>
        {legend}
        {required ? <RequiredMark /> : null}
      </legend>
      {help ? (
        <p className="field-help" id={helpId}>
          {help}
        </p>
      ) : null}
      <p className="field-error" id={errorId} role={errorRole}>
        {error ?? ''}
      </p>
      <GroupContext value={inner}>{children}</GroupContext>
    </fieldset>
  );
}
