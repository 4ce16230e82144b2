'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { createDepartmentAction, renameDepartmentAction } from '@/lib/admin/institution-actions';
import { Field } from '@/components/ui/field';
import {
  type DepartmentCreateInput,
  type DepartmentRenameInput,
  departmentCreateSchema,
  departmentRenameSchema,
} from '@/lib/admin/schemas/department';
import { outcomeOf } from './action-form';
import { FormStatus, type Outcome } from './form-status';

export function DepartmentCreateForm({ institutionId }: { institutionId: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const { register, handleSubmit, setError, reset, formState } = useForm<DepartmentCreateInput>({
    resolver: zodResolver(departmentCreateSchema),
    defaultValues: { institutionId, code: '', nameJa: '', nameEn: '' },
  });
  const e = (m?: string) => (m ? t(m) : undefined);
  const onSubmit = handleSubmit(async (values) => {
    const res = await createDepartmentAction(values);
    setOutcome(outcomeOf(res, 'admin.departments.created', setError));
    if (res.ok) {
      reset();
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="create-department-title">
      <h3 id="create-department-title">{t('admin.departments.createTitle')}</h3>
      <div className="form-grid">
        <Field label={t('admin.departments.fields.code')} help={t('admin.departments.fields.codeHelp')} error={e(formState.errors.code?.message)} required>
          <input autoComplete="off" spellCheck={false} {...register('code')} />
        </Field>
        <Field label={t('admin.departments.fields.nameJa')} error={e(formState.errors.nameJa?.message)} required>
          <input lang="ja" {...register('nameJa')} />
        </Field>
        <Field label={t('admin.departments.fields.nameEn')} error={e(formState.errors.nameEn?.message)} required>
          <input lang="en" {...register('nameEn')} />
        </Field>
      </div>
      <FormStatus outcome={outcome} />
      <div>
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>
          {t('admin.departments.create')}
        </button>
      </div>
    </form>
  );
}

export function DepartmentRenameForm({ value, code }: { value: DepartmentRenameInput; code: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const { register, handleSubmit, setError, formState } = useForm<DepartmentRenameInput>({ resolver: zodResolver(departmentRenameSchema), defaultValues: value });
  const e = (m?: string) => (m ? t(m) : undefined);
  const onSubmit = handleSubmit(async (values) => {
    const res = await renameDepartmentAction(values);
    setOutcome(outcomeOf(res, 'admin.departments.renamed', setError));
    if (res.ok) router.refresh();
  });
  return (
    <details className="inline-edit">
      <summary>{t('admin.departments.rename', { code })}</summary>
      <form onSubmit={onSubmit} noValidate className="stack">
        <Field label={t('admin.departments.fields.nameJa')} error={e(formState.errors.nameJa?.message)} required>
          <input lang="ja" {...register('nameJa')} />
        </Field>
        <Field label={t('admin.departments.fields.nameEn')} error={e(formState.errors.nameEn?.message)} required>
          <input lang="en" {...register('nameEn')} />
        </Field>
        <FormStatus outcome={outcome} />
        <div>
          <button type="submit" className="button primary" disabled={formState.isSubmitting}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
