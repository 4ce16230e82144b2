// Roster import in two steps: preview (nothing changes; every row says what would happen and why a row
// is rejected), then apply exactly what was previewed.
'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { applyRosterAction, previewRosterAction } from '@/lib/admin/roster-actions';
import { Field } from '@/components/ui/field';
import type { PlannedRow, RosterPlan } from '@/lib/admin/roster';
import { type RosterInput, rosterSchema } from '@/lib/admin/schemas/roster';
import { outcomeOf } from '@/components/ui/use-action-form';
import { FormStatus, type Outcome } from '@/components/ui/form-status';
import type { InstitutionOption } from './person-forms';
import { DataTable } from '@/components/ui/data-table';

const ORDER = ['rejected', 'create', 'update', 'unchanged'] as const;

export function RosterImport({ institutions }: { institutions: InstitutionOption[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [plan, setPlan] = useState<RosterPlan | null>(null);
  const [applied, setApplied] = useState<RosterPlan | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({});
  const [applying, setApplying] = useState(false);
  const resultRef = useRef<HTMLHeadingElement>(null);
  // Each new preview or result moves focus to its heading, so keyboard and screen-reader users land on it.
  const [shownAt, setShownAt] = useState(0);
  useEffect(() => {
    if (shownAt) resultRef.current?.focus();
  }, [shownAt]);
  const { register, handleSubmit, setError, setValue, getValues, formState } = useForm<RosterInput>({
    resolver: zodResolver(rosterSchema),
    defaultValues: { institutionId: institutions.length === 1 ? institutions[0]!.id : '', csv: '', fileName: '', sendInvites: false },
  });
  const e = (m?: string) => (m ? t(m) : undefined);
  const institutionField = register('institutionId', { onChange: () => setPlan(null) });

  const onFile = async (ev: React.ChangeEvent<HTMLInputElement>) => {
    setPlan(null);
    setApplied(null);
    const file = ev.target.files?.[0];
    setValue('fileName', file?.name ?? '');
    setValue('csv', file ? await file.text() : '', { shouldValidate: true });
  };

  const onPreview = handleSubmit(async (values) => {
    setApplied(null);
    const res = await previewRosterAction(values);
    setOutcome(outcomeOf(res, 'admin.roster.previewReady', setError));
    setPlan(res.ok ? res.data : null);
    if (res.ok) setShownAt((n) => n + 1);
  });

  const onApply = async () => {
    if (!plan) return;
    setApplying(true);
    const res = await applyRosterAction({ ...getValues(), expectedDigest: plan.digest });
    setApplying(false);
    setOutcome(res.ok ? { success: 'admin.roster.applied', details: res.data.counts } : { error: res.error, details: res.details });
    if (res.ok) {
      setApplied(res.data);
      setPlan(null);
      router.refresh();
      setShownAt((n) => n + 1);
    }
  };

  const shown = plan ?? applied;
  return (
    <div className="stack">
      <form onSubmit={onPreview} noValidate className="stack card" aria-labelledby="import-title">
        <h2 id="import-title">{t('admin.roster.formTitle')}</h2>
        <div className="form-grid">
          <Field label={t('admin.roster.fields.institution')} error={e(formState.errors.institutionId?.message)} required>
            <select {...institutionField}>
              <option value="">{t('admin.common.choose')}</option>
              {institutions.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('admin.roster.fields.file')} help={t('admin.roster.fields.fileHelp')} error={e(formState.errors.csv?.message)} required>
            <input type="file" accept=".csv,text/csv" onChange={onFile} />
          </Field>
        </div>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" {...register('sendInvites')} aria-describedby="invites-help" /> {t('admin.roster.fields.sendInvites')}
          </label>
          <p id="invites-help" className="field-help">
            {t('admin.roster.fields.sendInvitesHelp')}
          </p>
        </div>
        <FormStatus outcome={outcome} />
        <div>
          <button type="submit" className="button primary" disabled={formState.isSubmitting}>
            {t('admin.roster.preview')}
          </button>
        </div>
      </form>

      {shown ? (
        <section aria-labelledby="result-title" className="card stack">
          <h2 id="result-title" ref={resultRef} tabIndex={-1}>
            {t(plan ? 'admin.roster.previewTitle' : 'admin.roster.appliedTitle', { institution: shown.institution.slug })}
          </h2>
          <ul className="admin-figures" aria-label={t('admin.roster.summary')}>
            {ORDER.map((a) => (
              <li key={a} className={`card roster-${a}`}>
                <span className="admin-figure">{shown.counts[a]}</span> {t(`admin.roster.actions.${a}`)}
              </li>
            ))}
          </ul>
          {plan ? (
            plan.counts.create + plan.counts.update > 0 ? (
              <div className="row">
                <button type="button" className="button primary" onClick={onApply} disabled={applying}>
                  {t('admin.roster.apply', { create: plan.counts.create, update: plan.counts.update })}
                </button>
                <span className="muted">{t('admin.roster.applyNote')}</span>
              </div>
            ) : (
              <p>{t('admin.roster.nothingToApply')}</p>
            )
          ) : null}
          <RowsTable rows={shown.rows} />
        </section>
      ) : null}
    </div>
  );
}

function RowsTable({ rows }: { rows: PlannedRow[] }) {
  const t = useTranslations();
  const sorted = [...rows].sort((a, b) => ORDER.indexOf(a.action) - ORDER.indexOf(b.action) || a.line - b.line);
  return (
    <DataTable caption={t('admin.roster.rowsCaption')} className="roster-rows">
      <thead>
        <tr>
          <th scope="col" className="num">{t('admin.roster.columns.line')}</th>
          <th scope="col">{t('admin.roster.columns.email')}</th>
          <th scope="col">{t('admin.roster.columns.name')}</th>
          <th scope="col">{t('admin.roster.columns.action')}</th>
          <th scope="col">{t('admin.roster.columns.details')}</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <tr key={r.line} data-action={r.action}>
            <td className="num">{r.line}</td>
            <th scope="row">{r.email}</th>
            <td>{r.name}</td>
            <td>
              <span className={`badge ${r.action === 'rejected' ? 'flag' : r.action === 'unchanged' ? 'neutral' : 'ok'}`}>{t(`admin.roster.actions.${r.action}`)}</span>
            </td>
            <td>
              {r.rejections.length ? (
                <ul className="plain-list">
                  {r.rejections.map((x, i) => (
                    <li key={i}>{t(`admin.roster.reasons.${x.reason}`, x.params ?? {})}</li>
                  ))}
                </ul>
              ) : r.changes.length ? (
                r.changes.map((c) => t(`admin.roster.changes.${c}`)).join(t('admin.common.listSeparator'))
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
