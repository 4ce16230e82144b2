// Importing a watchlist CSV into an existing list (a newer edition) or as a new list or group, and the
// outcome: what was added, updated, retired and rejected (with each rejected line's reason).
'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { importWatchlistAction } from '@/lib/watchlists/actions';
import { FormStatus, type Outcome } from '@/components/admin/form-status';
import { outcomeOf } from '@/components/admin/action-form';
import { CsvFileField } from '@/components/config/csv-file-field';
import { Field } from '@/components/ui/field';
import { type ImportWatchlistFormInput, importWatchlistSchema } from '@/lib/watchlists/admin-schema';

type Result = Extract<Awaited<ReturnType<typeof importWatchlistAction>>, { ok: true }>['data'];

export function WatchlistImportForm({ lists, today }: { lists: { id: string; label: string; isSample: boolean }[]; today: string }) {
  const t = useTranslations('watchlists');
  const tr = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const [result, setResult] = useState<Result | null>(null);
  const {
    register,
    handleSubmit,
    control,
    setValue,
    setError,
    clearErrors,
    formState: { errors, isSubmitting },
  } = useForm<ImportWatchlistFormInput>({
    resolver: zodResolver(importWatchlistSchema),
    defaultValues: { target: lists.length ? 'existing' : 'new', watchlistId: '', kind: 'WATCHLIST', editionDate: today, isSample: true, fileName: '', csvText: '' },
  });
  const target = useWatch({ control, name: 'target' });
  const err = (key?: string) => (key ? tr(key) : undefined);

  const onSubmit = handleSubmit(async (values) => {
    setOutcome({});
    setResult(null);
    const res = await importWatchlistAction(values);
    if (!res.ok) {
      setOutcome(outcomeOf(res, '', setError));
      return;
    }
    setOutcome({ success: 'watchlists.import.done', details: { code: res.data.code } });
    setResult(res.data);
    router.refresh();
  });

  return (
    <div className="stack">
      <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="import-title">
        <fieldset>
          <legend>{t('import.target')}</legend>
          <label className="checkbox">
            <input type="radio" value="existing" {...register('target')} disabled={!lists.length} /> {t('import.targetExisting')}
          </label>{' '}
          <label className="checkbox">
            <input type="radio" value="new" {...register('target')} /> {t('import.targetNew')}
          </label>
        </fieldset>
        {target === 'existing' ? (
          <Field label={t('import.watchlist')} error={err(errors.watchlistId?.message)} required>
            <select {...register('watchlistId')}>
              <option value="">{t('import.choose')}</option>
              {lists.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
          </Field>
        ) : (
          <div className="form-grid">
            <Field label={t('import.code')} help={t('import.codeHelp')} error={err(errors.code?.message)} required>
              <input type="text" autoComplete="off" {...register('code')} />
            </Field>
            <Field label={t('import.kindLabel')} help={t('import.kindHelp')}>
              <select {...register('kind')}>
                <option value="WATCHLIST">{t('kind.WATCHLIST')}</option>
                <option value="GROUP">{t('kind.GROUP')}</option>
              </select>
            </Field>
            <Field label={t('import.nameJa')} error={err(errors.nameJa?.message)} required>
              <input type="text" lang="ja" {...register('nameJa')} />
            </Field>
            <Field label={t('import.nameEn')} error={err(errors.nameEn?.message)} required>
              <input type="text" lang="en" {...register('nameEn')} />
            </Field>
            <Field label={t('import.source')} error={err(errors.source?.message)} required>
              <input type="text" {...register('source')} />
            </Field>
            <Field label={t('import.sourceUrl')} error={err(errors.sourceUrl?.message)}>
              <input type="url" {...register('sourceUrl')} />
            </Field>
          </div>
        )}
        <div className="form-grid">
          <Field label={t('import.editionDate')} help={t('import.editionHelp')} error={err(errors.editionDate?.message)} required>
            <input type="date" {...register('editionDate')} />
          </Field>
          <CsvFileField
            label={t('import.file')}
            help={t('import.fileHelp')}
            error={errors.csvText?.message ?? errors.fileName?.message}
            onText={(fileName, text) => {
              setValue('fileName', fileName);
              setValue('csvText', text);
              clearErrors(['fileName', 'csvText']);
            }}
            onUnreadable={() => setError('csvText', { type: 'manual', message: 'watchlists.errors.fileUnreadable' })}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" {...register('isSample')} /> {t('import.isSample')}
        </label>
        <div>
          <button type="submit" className="button primary" disabled={isSubmitting}>
            {isSubmitting ? t('import.submitting') : t('import.submit')}
          </button>
        </div>
        <FormStatus outcome={outcome} />
      </form>
      {result ? <WatchlistImportResult result={result} /> : null}
    </div>
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
