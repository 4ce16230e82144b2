'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { createInstitutionAction, renameInstitutionAction } from '@/lib/admin/institution-actions';
import { Field } from '@/components/ui/field';
import {
  type InstitutionCreateInput,
  type InstitutionRenameInput,
  institutionCreateSchema,
  institutionRenameSchema,
} from '@/lib/admin/schemas/institution';
import { outcomeOf } from '@/components/ui/use-action-form';
import { FormStatus, type Outcome } from '@/components/ui/form-status';

export function InstitutionCreateForm() {
  const t = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const { register, handleSubmit, setError, reset, formState } = useForm<InstitutionCreateInput>({
    resolver: zodResolver(institutionCreateSchema),
    defaultValues: { slug: '', nameJa: '', nameEn: '', country: 'JP' },
  });
  const e = (m?: string) => (m ? t(m) : undefined);
  const onSubmit = handleSubmit(async (values) => {
    const res = await createInstitutionAction(values);
    setOutcome(outcomeOf(res, 'admin.institutions.created', setError));
    if (res.ok) {
      reset();
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="create-institution-title">
      <h2 id="create-institution-title">{t('admin.institutions.createTitle')}</h2>
      <div className="form-grid">
        <Field label={t('admin.institutions.fields.nameJa')} error={e(formState.errors.nameJa?.message)} required>
          <input lang="ja" {...register('nameJa')} />
        </Field>
        <Field label={t('admin.institutions.fields.nameEn')} error={e(formState.errors.nameEn?.message)} required>
          <input lang="en" {...register('nameEn')} />
        </Field>
        <Field label={t('admin.institutions.fields.slug')} help={t('admin.institutions.fields.slugHelp')} error={e(formState.errors.slug?.message)} required>
          <input autoComplete="off" spellCheck={false} {...register('slug')} />
        </Field>
        <Field label={t('admin.institutions.fields.country')} help={t('admin.institutions.fields.countryHelp')} error={e(formState.errors.country?.message)} required>
          <input maxLength={2} autoComplete="off" {...register('country')} />
        </Field>
      </div>
      <FormStatus outcome={outcome} />
      <div>
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>
          {t('admin.institutions.create')}
        </button>
      </div>
    </form>
  );
}

export function InstitutionRenameForm({ value }: { value: InstitutionRenameInput }) {
  const t = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const { register, handleSubmit, setError, formState } = useForm<InstitutionRenameInput>({ resolver: zodResolver(institutionRenameSchema), defaultValues: value });
  const e = (m?: string) => (m ? t(m) : undefined);
  const onSubmit = handleSubmit(async (values) => {
    const res = await renameInstitutionAction(values);
    setOutcome(outcomeOf(res, 'admin.institutions.renamed', setError));
    if (res.ok) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="rename-institution-title">
      <h2 id="rename-institution-title">{t('admin.institutions.renameTitle')}</h2>
      <div className="form-grid">
        <Field label={t('admin.institutions.fields.nameJa')} error={e(formState.errors.nameJa?.message)} required>
          <input lang="ja" {...register('nameJa')} />
        </Field>
        <Field label={t('admin.institutions.fields.nameEn')} error={e(formState.errors.nameEn?.message)} required>
          <input lang="en" {...register('nameEn')} />
        </Field>
      </div>
      <FormStatus outcome={outcome} />
      <div>
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
