// Importing a watchlist CSV into an existing list (a newer edition) or as a new list or group, and the
// outcome: what was added, updated, retired and rejected (with each rejected line's reason).
'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { type UseFormReturn, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { importWatchlistAction } from '@/lib/watchlists/actions';
import { FormField } from '@/components/ui/action-form';
import { CsvImportForm } from '@/components/ui/csv-import-form';
import { type ImportWatchlistFormInput, importWatchlistSchema } from '@/lib/watchlists/admin-schema';

type ImportWatchlistInput = z.output<typeof importWatchlistSchema>;
type Result = Extract<Awaited<ReturnType<typeof importWatchlistAction>>, { ok: true }>['data'];

export function WatchlistImportForm({ lists, today }: { lists: { id: string; label: string; isSample: boolean }[]; today: string }) {
  const t = useTranslations('watchlists');
  return (
    <CsvImportForm
      schema={importWatchlistSchema}
      action={importWatchlistAction}
      defaultValues={{ target: lists.length ? 'existing' : 'new', watchlistId: '', kind: 'WATCHLIST', editionDate: today, isSample: true, fileName: '', csvText: '' }}
      success="watchlists.import.done"
      successDetails={(result: Result) => ({ code: result.code })}
      labelledBy="import-title"
      file={{ label: t('import.file'), help: t('import.fileHelp'), unreadable: 'watchlists.errors.fileUnreadable' }}
      submit={{ label: t('import.submit'), pending: t('import.submitting') }}
      fields={(form) => <WatchlistFields form={form} lists={lists} />}
      result={(result: Result) => <WatchlistImportResult result={result} />}
    />
  );
}

function WatchlistFields({ form, lists }: { form: UseFormReturn<ImportWatchlistFormInput, unknown, ImportWatchlistInput>; lists: { id: string; label: string }[] }) {
  const t = useTranslations('watchlists');
  const target = useWatch({ control: form.control, name: 'target' });
  return (
    <>
      <fieldset>
        <legend>{t('import.target')}</legend>
        <label className="checkbox">
          <input type="radio" value="existing" {...form.register('target')} disabled={!lists.length} /> {t('import.targetExisting')}
        </label>{' '}
        <label className="checkbox">
          <input type="radio" value="new" {...form.register('target')} /> {t('import.targetNew')}
        </label>
      </fieldset>
      {target === 'existing' ? (
        <FormField name="watchlistId" label={t('import.watchlist')} required>
          <select {...form.register('watchlistId')}>
            <option value="">{t('import.choose')}</option>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.label}
              </option>
            ))}
          </select>
        </FormField>
      ) : (
        <div className="form-grid">
          <FormField name="code" label={t('import.code')} help={t('import.codeHelp')} required>
            <input type="text" autoComplete="off" {...form.register('code')} />
          </FormField>
          <FormField name="kind" label={t('import.kindLabel')} help={t('import.kindHelp')}>
            <select {...form.register('kind')}>
              <option value="WATCHLIST">{t('kind.WATCHLIST')}</option>
              <option value="GROUP">{t('kind.GROUP')}</option>
            </select>
          </FormField>
          <FormField name="nameJa" label={t('import.nameJa')} required>
            <input type="text" lang="ja" {...form.register('nameJa')} />
          </FormField>
          <FormField name="nameEn" label={t('import.nameEn')} required>
            <input type="text" lang="en" {...form.register('nameEn')} />
          </FormField>
          <FormField name="source" label={t('import.source')} required>
            <input type="text" {...form.register('source')} />
          </FormField>
          <FormField name="sourceUrl" label={t('import.sourceUrl')}>
            <input type="url" {...form.register('sourceUrl')} />
          </FormField>
        </div>
      )}
      <div className="form-grid">
        <FormField name="editionDate" label={t('import.editionDate')} help={t('import.editionHelp')} required>
          <input type="date" {...form.register('editionDate')} />
        </FormField>
      </div>
      <label className="checkbox">
        <input type="checkbox" {...form.register('isSample')} /> {t('import.isSample')}
      </label>
    </>
  );
}

function WatchlistImportResult({ result }: { result: Result }) {
  const t = useTranslations('watchlists.result');
  const figures = [
    ['added', result.added],
    ['updated', result.updated],
    ['relisted', result.relisted],
    ['retired', result.retired],
    ['unchanged', result.unchanged],
    ['rejected', result.rejectedCount],
  ] as const;
  return (
    <section aria-labelledby="import-result-title" className="stack" data-testid="import-result">
      <h3 id="import-result-title">{t('title')}</h3>
      <p>{t('layout', { layout: result.layout })}</p>
      <ul className="admin-figures">
        {figures.map(([key, n]) => (
          <li key={key} className="card" data-testid={`result-${key}`}>
            <span className="admin-figure">{n}</span> {t(key)}
          </li>
        ))}
      </ul>
      <p>{result.taskId ? t('queued') : t('nothingChanged')}</p>
      <p>
        <Link href={`/admin/watchlists/${result.code}`}>{t('open')}</Link>
      </p>
      {result.rejected.length ? (
        <>
          <h4>{t('rejectedList')}</h4>
          {result.rejectedCount > result.rejected.length ? <p>{t('more', { shown: result.rejected.length, total: result.rejectedCount })}</p> : null}
          <ul>
            {result.rejected.map((r) => (
              <li key={`${r.line}-${r.reason}`}>
                {t('line', { line: r.line })}: <span lang="en">{r.reason}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
