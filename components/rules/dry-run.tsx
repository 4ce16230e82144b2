// Dry run of a draft version over a chosen cycle: per rule, the disclosures that would newly fire, stop
// firing or fire as before, with examples that name the disclosure and its institution only.
'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { dryRunAction, dryRunStatusAction } from '@/lib/rules/actions';
import { FormStatus, type Outcome } from '@/components/ui/form-status';
import { Field } from '@/components/ui/field';
import type { DryRunExample, DryRunResult } from '@/lib/rules/dry-run';
import { DataTable } from '@/components/ui/data-table';
import { localName, localTitle } from '@/lib/i18n/local-text';

/** How often a background dry run's progress is asked for. */
const POLL_MS = 1000;

export function DryRun({ versionId, cycles }: { versionId: string; cycles: { code: string; institutions: number; submitted: number }[] }) {
  const t = useTranslations('rules.dryRun');
  const tr = useTranslations();
  const locale = useLocale();
  const [cycleCode, setCycleCode] = useState(cycles[0]?.code ?? '');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome>({});
  const [result, setResult] = useState<DryRunResult | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [pending, start] = useTransition();

  const run = () =>
    start(async () => {
      setOutcome({});
      if (!cycleCode) {
        setFieldError(tr('rules.errors.dryRunCycle'));
        return;
      }
      setFieldError(undefined);
      setResult(null);
      const res = await dryRunAction({ versionId, cycleCode });
      if (!res.ok) {
        setOutcome({ error: res.error, details: res.details });
        return;
      }
      if (res.data.kind === 'result') {
        setResult(res.data.result);
        setOutcome({ success: 'rules.dryRun.done' });
        return;
      }
      // A large cycle runs in the background: follow its progress until the result is there.
      setProgress({ done: 0, total: res.data.disclosures });
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        const status = await dryRunStatusAction({ taskId: res.data.taskId });
        if (!status.ok) {
          setProgress(null);
          setOutcome({ error: status.error, details: status.details });
          return;
        }
        if (status.data.status === 'FAILED') {
          setProgress(null);
          setOutcome({ error: 'rules.dryRun.failed' });
          return;
        }
        if (status.data.result) {
          setProgress(null);
          setResult(status.data.result);
          setOutcome({ success: 'rules.dryRun.done' });
          return;
        }
        setProgress({ done: status.data.done, total: status.data.total ?? res.data.disclosures });
      }
    });

  const example = (e: DryRunExample) => (
    <li key={e.disclosureId}>
      {t('example', { id: e.disclosureId.slice(0, 8), institution: localName(locale, e.institution) })}
      {e.itemRefs.length ? (
        <>
          {' '}
          <span className="muted">{t('items', { items: e.itemRefs.join(', ') })}</span>
        </>
      ) : null}
    </li>
  );

  return (
    <div className="stack">
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          run();
        }}
        noValidate
      >
        <Field label={t('cycle')} error={fieldError} required>
          <select value={cycleCode} onChange={(e) => setCycleCode(e.target.value)} name="cycleCode">
            <option value="">{t('choose')}</option>
            {cycles.map((c) => (
              <option key={c.code} value={c.code}>
                {t('cycleOption', c)}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" className="button primary" disabled={pending}>
          {pending ? t('running') : t('run')}
        </button>
      </form>
      <FormStatus outcome={outcome} />
      {progress ? (
        <div className="stack" data-testid="dry-run-progress">
          <label htmlFor="dry-run-progress">{t('background', { total: progress.total })}</label>
          <progress id="dry-run-progress" max={progress.total || 1} value={progress.done}>
            {t('progress', progress)}
          </progress>
          <p className="muted" aria-live="polite">
            {t('progress', progress)}
          </p>
        </div>
      ) : null}
      {result ? (
        <section className="stack" aria-label={t('title')} data-testid="dry-run-result">
          <p>
            {t('summary', {
              disclosures: result.disclosures,
              cycle: result.cycleCode,
              draft: result.draftVersion,
              active: result.activeVersion === null ? t('noActive') : t('activeVersion', { version: result.activeVersion }),
            })}
          </p>
          <p>{t('withFindings', result.withFindings)}</p>
          <DataTable caption={t('caption')}>
            <thead>
              <tr>
                <th scope="col">{t('columns.rule')}</th>
                <th scope="col">{t('columns.change')}</th>
                <th scope="col" className="num">{t('columns.before')}</th>
                <th scope="col" className="num">{t('columns.after')}</th>
                <th scope="col" className="num">{t('columns.newly')}</th>
                <th scope="col" className="num">{t('columns.stopped')}</th>
                <th scope="col" className="num">{t('columns.unchanged')}</th>
                <th scope="col" className="num">{t('columns.errors')}</th>
              </tr>
            </thead>
            <tbody>
              {result.rules.map((r) => (
                <tr key={r.code} data-rule={r.code}>
                  <th scope="row">
                    <code>{r.code}</code>
                    <br />
                    {localTitle(locale, r)}
                    {r.examples.newlyFiring.length || r.examples.stopped.length ? (
                      <details>
                        <summary>{tr('rules.rule.details')}</summary>
                        {r.examples.newlyFiring.length ? (
                          <>
                            <p>{t('newlyExamples')}</p>
                            <ul>{r.examples.newlyFiring.map(example)}</ul>
                          </>
                        ) : null}
                        {r.examples.stopped.length ? (
                          <>
                            <p>{t('stoppedExamples')}</p>
                            <ul>{r.examples.stopped.map(example)}</ul>
                          </>
                        ) : null}
                      </details>
                    ) : null}
                  </th>
                  <td>{t(`change.${r.change}`)}</td>
                  <td className="num">{r.before}</td>
                  <td className="num">{r.after}</td>
                  <td className="num" data-testid={`newly-${r.code}`}>{r.newlyFiring}</td>
                  <td className="num" data-testid={`stopped-${r.code}`}>{r.stopped}</td>
                  <td className="num">{r.unchanged}</td>
                  <td className="num">{r.errors}</td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}
    </div>
  );
}
