'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { grantRoleAction, inviteUserAction } from '@/lib/admin/people-actions';
import { Field } from '@/components/ui/field';
import { ROLES } from '@/lib/auth/roles';
import { LOCALES } from '@/lib/i18n/config';
import { type GrantInput, type InviteInput, grantSchema, inviteSchema } from '@/lib/admin/schemas/person';
import { outcomeOf } from '@/components/ui/use-action-form';
import { FormStatus, type Outcome } from '@/components/ui/form-status';

export interface InstitutionOption {
  id: string;
  label: string;
}

export function InviteForm({ institutions, defaultLocale }: { institutions: InstitutionOption[]; defaultLocale: string }) {
  const t = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const { register, handleSubmit, setError, reset, formState } = useForm<InviteInput>({
    resolver: zodResolver(inviteSchema),
    defaultValues: {
      email: '',
      displayName: '',
      institutionId: institutions.length === 1 ? institutions[0]!.id : '',
      role: 'RESEARCHER',
      locale: defaultLocale === 'en' ? 'en' : 'ja',
    },
  });
  const e = (m?: string) => (m ? t(m) : undefined);
  const onSubmit = handleSubmit(async (values) => {
    const res = await inviteUserAction(values);
    setOutcome({ ...outcomeOf(res, 'admin.invite.sent', setError), details: { email: values.email } });
    if (res.ok) {
      reset({ ...values, email: '', displayName: '' });
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="page-title">
      <div className="form-grid">
        <Field label={t('admin.invite.fields.email')} error={e(formState.errors.email?.message)} required>
          <input type="email" autoComplete="off" {...register('email')} />
        </Field>
        <Field label={t('admin.invite.fields.displayName')} help={t('admin.invite.fields.displayNameHelp')} error={e(formState.errors.displayName?.message)} required>
          <input autoComplete="off" {...register('displayName')} />
        </Field>
        <Field label={t('admin.invite.fields.institution')} error={e(formState.errors.institutionId?.message)} required>
          <select {...register('institutionId')}>
            <option value="">{t('admin.common.choose')}</option>
            {institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.invite.fields.role')} help={t('admin.invite.fields.roleHelp')} error={e(formState.errors.role?.message)} required>
          <select {...register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.roles.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.invite.fields.locale')} help={t('admin.invite.fields.localeHelp')} error={e(formState.errors.locale?.message)} required>
          <select {...register('locale')}>
            {LOCALES.map((l) => (
              <option key={l} value={l} lang={l}>
                {t(`common.languageName.${l}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <FormStatus outcome={outcome} />
      <div>
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>
          {t('admin.invite.submit')}
        </button>
      </div>
    </form>
  );
}

export function GrantRoleForm({ userId, institutions, system }: { userId: string; institutions: InstitutionOption[]; system: boolean }) {
  const t = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const { register, handleSubmit, setError, control, formState } = useForm<GrantInput>({
    resolver: zodResolver(grantSchema),
    defaultValues: { userId, role: 'RESEARCHER', institutionId: institutions.length === 1 ? institutions[0]!.id : '', allInstitutions: false },
  });
  const all = useWatch({ control, name: 'allInstitutions' });
  const e = (m?: string) => (m ? t(m) : undefined);
  const onSubmit = handleSubmit(async (values) => {
    const res = await grantRoleAction(values);
    setOutcome(outcomeOf(res, 'admin.person.roleGranted', setError));
    if (res.ok) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="grant-title">
      <h3 id="grant-title">{t('admin.person.grantTitle')}</h3>
      <div className="form-grid">
        <Field label={t('admin.invite.fields.role')} error={e(formState.errors.role?.message)} required>
          <select {...register('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`admin.roles.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('admin.invite.fields.institution')} error={e(formState.errors.institutionId?.message)} required={!all}>
          <select {...register('institutionId')}>
            <option value="">{t('admin.common.choose')}</option>
            {institutions.map((i) => (
              <option key={i.id} value={i.id}>
                {i.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {system ? (
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" {...register('allInstitutions')} aria-describedby="all-help" /> {t('admin.person.allInstitutions')}
          </label>
          <p id="all-help" className="field-help">
            {t('admin.person.allInstitutionsHelp')}
          </p>
          {formState.errors.allInstitutions?.message ? (
            <p className="field-error" role="alert">
              {t(formState.errors.allInstitutions.message)}
            </p>
          ) : null}
        </div>
      ) : null}
      <FormStatus outcome={outcome} />
      <div>
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>
          {t('admin.person.grant')}
        </button>
      </div>
    </form>
  );
}
