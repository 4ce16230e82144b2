'use client';

import { useTranslations } from 'next-intl';
import { requestPasswordResetAction } from '@/lib/account/forgot-password-actions';
import { ActionForm, FormField, SubmitButton } from '@/components/ui/action-form';
import { useActionForm } from '@/components/ui/use-action-form';
import { forgotPasswordSchema } from '@/lib/auth/forgot-password-schema';

export function ForgotPasswordForm() {
  const t = useTranslations();
  const { form, outcome, onSubmit } = useActionForm({
    schema: forgotPasswordSchema,
    action: requestPasswordResetAction,
    defaultValues: { email: '' },
    success: 'forgotPassword.sent',
  });
  return (
    <ActionForm form={form} onSubmit={onSubmit} outcome={outcome} aria-labelledby="page-title">
      <FormField name="email" label={t('auth.email')} required>
        <input type="email" autoComplete="username" {...form.register('email')} />
      </FormField>
      <SubmitButton label={t('forgotPassword.submit')} />
    </ActionForm>
  );
}
