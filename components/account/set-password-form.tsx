'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { acceptInvitationAction, resetPasswordAction } from '@/lib/account/actions';
import { ActionForm, FormField, SubmitButton } from '@/components/ui/action-form';
import { useActionForm } from '@/components/ui/use-action-form';
import { setPasswordSchema } from '@/lib/auth/account-schema';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';

export function SetPasswordForm({ token, purpose, email }: { token: string; purpose: 'INVITE' | 'PASSWORD_RESET'; email: string }) {
  const t = useTranslations();
  const [done, setDone] = useState(false);
  const { form, outcome, onSubmit } = useActionForm({
    schema: setPasswordSchema,
    action: purpose === 'INVITE' ? acceptInvitationAction : resetPasswordAction,
    defaultValues: { token, password: '', confirm: '' },
    success: 'account.setPassword.done',
    onSuccess: () => setDone(true),
  });
  if (done) {
    return (
      <div className="stack">
        <p className="form-success" role="status">
          {t('account.setPassword.done')}
        </p>
        <Link href="/signin" className="button primary">
          {t('account.setPassword.signIn')}
        </Link>
      </div>
    );
  }
  return (
    <ActionForm form={form} onSubmit={onSubmit} outcome={outcome} aria-labelledby="page-title">
      {/* Lets password managers save the new password against the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField name="password" label={t('account.setPassword.password')} help={t('account.setPassword.passwordHelp', { min: MIN_PASSWORD_LENGTH })} required>
        <input type="password" autoComplete="new-password" {...form.register('password')} />
      </FormField>
      <FormField name="confirm" label={t('account.setPassword.confirm')} required>
        <input type="password" autoComplete="new-password" {...form.register('confirm')} />
      </FormField>
      <SubmitButton label={t('account.setPassword.submit')} />
    </ActionForm>
  );
}
