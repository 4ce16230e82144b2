// A CSV file picker for the import forms: the file is read in the browser and its text goes to the
// server action with the rest of the form (what the server parses is exactly what was chosen).
'use client';

import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';

export function CsvFileField({
  label,
  help,
  error,
  onText,
  onUnreadable,
}: {
  label: string;
  help: string;
  error?: string;
  onText: (fileName: string, text: string) => void;
  onUnreadable: () => void;
}) {
  const t = useTranslations();
  return (
    <Field label={label} help={help} error={error ? t(error) : undefined} required>
      <input
        type="file"
        accept=".csv,text/csv,text/plain"
        onChange={async (e) => {
          const file = e.currentTarget.files?.[0];
          if (!file) return onText('', '');
          try {
            onText(file.name, await file.text());
          } catch {
            onUnreadable();
          }
        }}
      />
    </Field>
  );
}
