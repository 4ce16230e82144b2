// Importing domestic grant records from a KAKEN-style CSV, and the outcome with each rejected line's reason.
'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { importGrantsAction } from '@/lib/grants/actions';
import { outcomeOf } from '@/components/admin/action-form';
import { FormStatus, type Outcome } from '@/components/admin/form-status';
import { CsvFileField } from '@/components/config/csv-file-field';
import { type ImportGrantsInput, importGrantsSchema } from '@/lib/grants/schema';

type Result = Extract<Awaited<ReturnType<typeof importGrantsAction>>, { ok: true }>['data'];

export function GrantsImportForm() {
  const t = useTranslations('grants');
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const [result, setResult] = useState<Result | null>(null);
  const {
    handleSubmit,
    setValue,
    setError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<ImportGrantsInput>({ resolver: zodResolver(importGrantsSchema), defaultValues: { fileName: '', csvText: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setOutcome({});
    setResult(null);
    const res = await importGrantsAction(values);
    if (!res.ok) {
      setOutcome(outcomeOf(res, '', setError));
      return;
    }
    setOutcome({ success: 'grants.import.done' });
    setResult(res.data);
    router.refresh();
  });

  return (
    <div className="stack">
      <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="grants-import-title">
        <CsvFileField
          label={t('import.file')}
          help={t('import.fileHelp')}
          error={errors.csvText?.message ?? errors.fileName?.message}
          onText={(fileName, text) => {
            setValue('fileName', fileName);
            setValue('csvText', text);
            clearErrors(['fileName', 'csvText']);
          }}
          onUnreadable={() => setError('csvText', { type: 'manual', message: 'grants.errors.fileUnreadable' })}
        />
        <div>
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {isSubmitting ? t('import.submitting') : t('import.submit')}
          </button>
        </div>
        <FormStatus outcome={outcome} />
      </form>
      {result ? <GrantsImportResult result={result} /> : null}
    </div>
  );
}

function GrantsImportResult({ result }: { result: Result }) {
  const t = useTranslations('grants');
  const figures = [
    ['added', result.added],
    ['updated', result.updated],
    ['unchanged', result.unchanged],
    ['rejected', result.rejectedCount],
    ['researchers', result.researchers],
  ] as const;
  return (
    <section aria-labelledby="grants-result-title" className="stack" data-testid="grants-result">
      <h3 id="grants-result-title">{t('result.title')}</h3>
      <ul className="admin-figures">
        {figures.map(([key, n]) => (
          <li key={key} className="card" data-testid={`result-${key}`}>
            <span className="admin-figure">{n}</span> {t(`result.${key}`)}
          </li>
        ))}
      </ul>
      <p>{result.taskId ? t('result.queued') : t('result.nothingChanged')}</p>
      {result.rejected.length ? (
        <>
          <h4>{t('result.rejectedList')}</h4>
          {result.rejectedCount > result.rejected.length ? <p>{t('result.more', { shown: result.rejected.length, total: result.rejectedCount })}</p> : null}
          <ul>
            {result.rejected.map((r) => (
              <li key={`${r.line}-${r.reason}`}>
                {t('result.line', { line: r.line })}: {t(`rejected.${r.reason}`, { value: r.value ?? '', firstLine: r.firstLine ?? 0 })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
