// The form kit's CSV import: a file read in the browser (its name and text go to the action with the
// rest of the form, so what the server parses is exactly what was chosen), the import's own fields, the
// outcome, and the result the import reports (added, updated, each rejected line with its reason). Used by
// the grant and watchlist imports; each passes only its schema, action, fields and result view.
'use client';

import { useRouter } from 'next/navigation';
import { type ReactNode, useState } from 'react';
import type { FieldValues, Path, PathValue, UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionResult } from '@/lib/actions/action';
import { ActionForm, FormField, SubmitButton } from './action-form';
import { type ActionFormOptions, useActionForm } from './use-action-form';

type CsvValues = FieldValues & { fileName: string; csvText: string };

export function CsvImportForm<S extends z.ZodType<CsvValues, CsvValues>, R>({
  schema,
  action,
  defaultValues,
  success,
  successDetails,
  labelledBy,
  file,
  submit,
  fields,
  result,
}: Pick<ActionFormOptions<S, R>, 'schema' | 'action' | 'defaultValues' | 'success' | 'successDetails'> & {
  labelledBy: string;
  /** The file field's label and help, and the catalog key said when the browser cannot read the file. */
  file: { label: string; help: string; unreadable: string };
  submit: { label: string; pending: string };
  /** The import's own fields, before the file. */
  fields?: (form: UseFormReturn<z.input<S>, unknown, z.output<S>>) => ReactNode;
  result: (data: R) => ReactNode;
}) {
  const router = useRouter();
  const [done, setDone] = useState<{ data: R } | null>(null);
  const { form, outcome, onSubmit } = useActionForm<S, R>({
    schema,
    action: async (values): Promise<ActionResult<R>> => {
      setDone(null);
      return action(values);
    },
    defaultValues,
    success,
    successDetails,
    onSuccess: (data) => {
      setDone({ data });
      router.refresh();
    },
  });
  const set = (name: 'fileName' | 'csvText', value: string) =>
    form.setValue(name as Path<z.input<S>>, value as PathValue<z.input<S>, Path<z.input<S>>>);
  return (
    <div className="stack">
      <ActionForm form={form} onSubmit={onSubmit} outcome={outcome} aria-labelledby={labelledBy}>
        {fields?.(form)}
        <CsvFile
          label={file.label}
          help={file.help}
          onText={(fileName, text) => {
            set('fileName', fileName);
            set('csvText', text);
            form.clearErrors(['fileName', 'csvText'] as Path<z.input<S>>[]);
          }}
          onUnreadable={() => form.setError('csvText' as Path<z.input<S>>, { type: 'manual', message: file.unreadable })}
        />
        <SubmitButton label={submit.label} pendingLabel={submit.pending} />
      </ActionForm>
      {done ? result(done.data) : null}
    </div>
  );
}

/** The file picker; its error is the form's for csvText (or, failing that, fileName). */
function CsvFile({ label, help, onText, onUnreadable }: { label: string; help: string; onText: (fileName: string, text: string) => void; onUnreadable: () => void }) {
  return (
    <FormField name="csvText" alsoName="fileName" label={label} help={help} required>
      <input
        type="file"
        accept=".csv,text/csv,text/plain"
        onChange={async (e) => {
          const chosen = e.currentTarget.files?.[0];
          if (!chosen) return onText('', '');
          try {
            onText(chosen.name, await chosen.text());
          } catch {
            onUnreadable();
          }
        }}
      />
    </FormField>
  );
}
