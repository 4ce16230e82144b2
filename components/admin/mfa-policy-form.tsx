'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { setMfaPolicyAction } from '@/lib/admin/security-actions';
import { ROLES } from '@/lib/auth/roles';
import { type MfaPolicyInput, mfaPolicySchema } from '@/lib/admin/schemas/security';
import { outcomeOf } from './action-form';
import { FormStatus, type Outcome } from './form-status';

export function MfaPolicyForm({ value }: { value: MfaPolicyInput }) {
  const t = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const { register, handleSubmit, setError, formState } = useForm<MfaPolicyInput>({ resolver: zodResolver(mfaPolicySchema), defaultValues: value });
  const onSubmit = handleSubmit(async (values) => {
    const res = await setMfaPolicyAction(values);
    setOutcome(outcomeOf(res, 'admin.security.saved', setError));
    if (res.ok) router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <fieldset className="stack">
        <legend>{t('admin.security.requiredRoles')}</legend>
        <p className="field-help">{t('admin.security.requiredRolesHelp')}</p>
        {ROLES.map((r) => (
          <label key={r} className="checkbox">
            <input type="checkbox" value={r} {...register('requiredRoles')} /> {t(`admin.roles.${r}`)}
          </label>
        ))}
      </fieldset>
      <FormStatus outcome={outcome} />
      <div>
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
