'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { acceptInvitationAction, resetPasswordAction } from '@/lib/account/actions';
import { outcomeOf } from '@/components/admin/action-form';
import { FormStatus, type Outcome } from '@/components/admin/form-status';
import { Field } from '@/components/ui/field';
import { type SetPasswordInput, setPasswordSchema } from '@/lib/auth/account-schema';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth/password-policy';

export function SetPasswordForm({ token, purpose, email }: { token: string; purpose: 'INVITE' | 'PASSWORD_RESET'; email: string }) {
  const t = useTranslations();
  const [outcome, setOutcome] = useState<Outcome>({});
  const [done, setDone] = useState(false);
  const { register, handleSubmit, setError, formState } = useForm<SetPasswordInput>({
    resolver: zodResolver(setPasswordSchema),
    defaultValues: { token, password: '', confirm: '' },
  });
  const e = (m?: string) => (m ? t(m, { min: MIN_PASSWORD_LENGTH }) : undefined);
  const onSubmit = handleSubmit(async (values) => {
    const res = await (purpose === 'INVITE' ? acceptInvitationAction : resetPasswordAction)(values);
    setOutcome(outcomeOf(res, 'account.setPassword.done', setError));
    if (res.ok) setDone(true);
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
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="page-title">
      {/* Lets password managers save the new password against the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <Field label={t('account.setPassword.password')} help={t('account.setPassword.passwordHelp', { min: MIN_PASSWORD_LENGTH })} error={e(formState.errors.password?.message)} required>
        <input type="password" autoComplete="new-password" {...register('password')} />
      </Field>
      <Field label={t('account.setPassword.confirm')} error={e(formState.errors.confirm?.message)} required>
        <input type="password" autoComplete="new-password" {...register('confirm')} />
      </Field>
      <FormStatus outcome={outcome} />
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        {t('account.setPassword.submit')}
      </button>
    </form>
  );
}
