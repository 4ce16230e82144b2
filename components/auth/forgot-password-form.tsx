'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { requestPasswordResetAction } from '@/lib/account/forgot-password-actions';
import { outcomeOf } from '@/components/admin/action-form';
import { FormStatus, type Outcome } from '@/components/admin/form-status';
import { Field } from '@/components/ui/field';
import { type ForgotPasswordInput, forgotPasswordSchema } from '@/lib/auth/forgot-password-schema';

export function ForgotPasswordForm() {
  const t = useTranslations();
  const [outcome, setOutcome] = useState<Outcome>({});
  const { register, handleSubmit, setError, formState } = useForm<ForgotPasswordInput>({
    resolver: zodResolver(forgotPasswordSchema),
    defaultValues: { email: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setOutcome({});
    setOutcome(outcomeOf(await requestPasswordResetAction(values), 'forgotPassword.sent', setError));
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="page-title">
      <Field label={t('auth.email')} error={formState.errors.email?.message && t(formState.errors.email.message)} required>
        <input type="email" autoComplete="username" {...register('email')} />
      </Field>
      <FormStatus outcome={outcome} />
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        {t('forgotPassword.submit')}
      </button>
    </form>
  );
}
