'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { type FieldErrors, useFieldArray, useForm } from 'react-hook-form';
import { createCycleAction, updateCycleAction } from '@/lib/admin/cycle-actions';
import { Field } from '@/components/ui/field';
import type { ActionResult } from '@/lib/actions/action';
import { type CycleInput, type CycleUpdateInput, cycleCreateSchema, cycleUpdateSchema } from '@/lib/admin/schemas/cycle';
import { outcomeOf } from '@/components/ui/use-action-form';
import { FormStatus, type Outcome } from '@/components/ui/form-status';
import type { InstitutionOption } from './person-forms';
import { DataTable } from '@/components/ui/data-table';

/** Creates a cycle (no id) or edits one; the code and fiscal year are fixed once it has opened. */
export function CycleForm({ value, id, institutions, locked }: { value: CycleInput; id?: string; institutions: InstitutionOption[]; locked?: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const { register, handleSubmit, setError, control, formState } = useForm<CycleUpdateInput>({
    resolver: zodResolver(id ? cycleUpdateSchema : cycleCreateSchema) as never,
    defaultValues: { ...value, id: id ?? '' },
  });
  const rates = useFieldArray({ control, name: 'rates' });
  const errors = formState.errors as FieldErrors<CycleUpdateInput>;
  const e = (m?: string) => (m ? t(m) : undefined);

  const onSubmit = handleSubmit(async (values) => {
    const res: ActionResult<{ path: string }> = id ? await updateCycleAction({ ...values, id }) : await createCycleAction({ ...values, id: undefined } as CycleInput);
    setOutcome(outcomeOf(res, id ? 'admin.cycles.saved' : 'admin.cycles.created', setError));
    if (res.ok) {
      router.push(res.data.path);
      router.refresh();
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="page-title">
      <fieldset className="stack">
        <legend>{t('admin.cycles.sections.identity')}</legend>
        <div className="form-grid">
          {id ? (
            <div className="field">
              <span className="field-label">{t('admin.cycles.fields.institution')}</span>
              <p>{institutions.find((i) => i.id === value.institutionId)?.label}</p>
              <input type="hidden" {...register('institutionId')} />
            </div>
          ) : (
            <Field label={t('admin.cycles.fields.institution')} error={e(errors.institutionId?.message)} required>
              <select {...register('institutionId')}>
                <option value="">{t('admin.common.choose')}</option>
                {institutions.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.label}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label={t('admin.cycles.fields.code')} help={t('admin.cycles.fields.codeHelp')} error={e(errors.code?.message)} required>
            <input autoComplete="off" readOnly={locked} {...register('code')} />
          </Field>
          <Field label={t('admin.cycles.fields.fiscalYear')} error={e(errors.fiscalYear?.message)} required>
            <input type="number" inputMode="numeric" min={2000} max={2100} readOnly={locked} {...register('fiscalYear', { valueAsNumber: true })} />
          </Field>
          <Field label={t('admin.cycles.fields.titleJa')} error={e(errors.titleJa?.message)} required>
            <input lang="ja" {...register('titleJa')} />
          </Field>
          <Field label={t('admin.cycles.fields.titleEn')} error={e(errors.titleEn?.message)} required>
            <input lang="en" {...register('titleEn')} />
          </Field>
        </div>
      </fieldset>

      <fieldset className="stack">
        <legend>{t('admin.cycles.sections.dates')}</legend>
        <p className="field-help">{t('admin.cycles.datesHelp')}</p>
        <div className="form-grid">
          <Field label={t('admin.cycles.fields.opensAt')} error={e(errors.opensAt?.message)} required>
            <input type="datetime-local" {...register('opensAt')} />
          </Field>
          <Field label={t('admin.cycles.fields.filingDeadline')} error={e(errors.filingDeadline?.message)} required>
            <input type="datetime-local" {...register('filingDeadline')} />
          </Field>
          <Field label={t('admin.cycles.fields.reviewDeadline')} error={e(errors.reviewDeadline?.message)} required>
            <input type="datetime-local" {...register('reviewDeadline')} />
          </Field>
          <Field label={t('admin.cycles.fields.reminderDays')} help={t('admin.cycles.fields.reminderDaysHelp')} error={e(errors.reminderDays?.message)}>
            <input inputMode="numeric" autoComplete="off" {...register('reminderDays')} />
          </Field>
        </div>
      </fieldset>

      <fieldset className="stack">
        <legend>{t('admin.cycles.sections.attestation')}</legend>
        <p className="field-help">{t('admin.cycles.attestationHelp')}</p>
        <Field label={t('admin.cycles.fields.attestationJa')} error={e(errors.attestationJa?.message)} required>
          <textarea lang="ja" rows={5} {...register('attestationJa')} />
        </Field>
        <Field label={t('admin.cycles.fields.attestationEn')} error={e(errors.attestationEn?.message)} required>
          <textarea lang="en" rows={5} {...register('attestationEn')} />
        </Field>
      </fieldset>

      <fieldset className="stack">
        <legend>{t('admin.cycles.sections.rates')}</legend>
        <p className="field-help">{t('admin.cycles.ratesHelp')}</p>
        {rates.fields.length ? (
          <DataTable caption={t('admin.cycles.sections.rates')} className="rates-table">
            <thead>
              <tr>
                <th scope="col">{t('admin.cycles.fields.currency')}</th>
                <th scope="col">{t('admin.cycles.fields.jpyPerUnit')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('admin.common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rates.fields.map((f, i) => (
                <tr key={f.id}>
                  <td>
                    <Field label={t('admin.cycles.rateCurrencyLabel', { n: i + 1 })} error={e(errors.rates?.[i]?.currency?.message)}>
                      <input className="currency-input" maxLength={3} autoComplete="off" {...register(`rates.${i}.currency`)} />
                    </Field>
                  </td>
                  <td>
                    <Field label={t('admin.cycles.rateValueLabel', { n: i + 1 })} error={e(errors.rates?.[i]?.jpyPerUnit?.message)}>
                      <input inputMode="decimal" autoComplete="off" {...register(`rates.${i}.jpyPerUnit`)} />
                    </Field>
                  </td>
                  <td>
                    <button type="button" className="button link" onClick={() => rates.remove(i)}>
                      {t('admin.cycles.removeRate', { n: i + 1 })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        ) : (
          <p>{t('admin.cycles.noRates')}</p>
        )}
        <div>
          <button type="button" className="button" onClick={() => rates.append({ currency: '', jpyPerUnit: '' })}>
            {t('admin.cycles.addRate')}
          </button>
        </div>
      </fieldset>

      <FormStatus outcome={outcome} />
      <div>
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>
          {t(id ? 'common.save' : 'admin.cycles.create')}
        </button>
      </div>
    </form>
  );
}
