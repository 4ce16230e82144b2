'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { type SignInInput, signInSchema } from '@/lib/auth/sign-in-schema';

const ERROR_KEYS: Record<string, string> = {
  CredentialsSignin: 'auth.errors.invalid',
  throttled: 'auth.errors.throttled',
};

export function SignInForm({ initialError, returnTo }: { initialError?: string; returnTo: string | null }) {
  const t = useTranslations();
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>(initialError);
  const {
    register,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    const res = await signIn('credentials', { ...values, redirect: false });
    if (!res || res.error) {
      setFormError(ERROR_KEYS[res?.error ?? ''] ?? 'auth.errors.unavailable');
      return;
    }
    // Server components render again with the new session: the page asked for before sign-in (checked
    // again there, and sent through the second factor if one is owed), else the person's home.
    router.replace(returnTo ?? '/');
    router.refresh();
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="signin-title" className="stack">
      <div role="alert" aria-live="assertive" className={formError ? 'form-error' : 'visually-hidden'}>
        {formError ? t(formError) : ''}
      </div>
      <Field label={t('auth.email')} error={errors.email?.message && t(errors.email.message)} required>
        <input type="email" autoComplete="username" {...register('email')} />
      </Field>
      <Field label={t('auth.password')} error={errors.password?.message && t(errors.password.message)} required>
        <input type="password" autoComplete="current-password" {...register('password')} />
      </Field>
      <button type="submit" className="button primary" disabled={isSubmitting}>
        {isSubmitting ? t('auth.signingIn') : t('auth.signIn')}
      </button>
    </form>
  );
}
