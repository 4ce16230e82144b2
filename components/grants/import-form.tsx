// Importing domestic grant records from a KAKEN-style CSV, and the outcome with each rejected line's reason.
'use client';

import { useTranslations } from 'next-intl';
import { importGrantsAction } from '@/lib/grants/actions';
import { CsvImportForm } from '@/components/ui/csv-import-form';
import { importGrantsSchema } from '@/lib/grants/schema';

type Result = Extract<Awaited<ReturnType<typeof importGrantsAction>>, { ok: true }>['data'];

export function GrantsImportForm() {
  const t = useTranslations('grants');
  return (
    <CsvImportForm
      schema={importGrantsSchema}
      action={importGrantsAction}
      defaultValues={{ fileName: '', csvText: '' }}
      success="grants.import.done"
      labelledBy="grants-import-title"
      file={{ label: t('import.file'), help: t('import.fileHelp'), unreadable: 'grants.errors.fileUnreadable' }}
      submit={{ label: t('import.submit'), pending: t('import.submitting') }}
      result={(result: Result) => <GrantsImportResult result={result} />}
    />
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
