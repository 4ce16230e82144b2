'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { verifySecondFactorAction } from '@/lib/account/verify-actions';
import { outcomeOf } from '@/components/admin/action-form';
import { FormStatus, type Outcome } from '@/components/admin/form-status';
import { Field } from '@/components/ui/field';
import { type SecondFactorInput, secondFactorSchema } from '@/lib/auth/mfa-schema';

export function VerifyForm({ returnTo }: { returnTo: string | null }) {
  const t = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const { register, handleSubmit, setError, formState } = useForm<SecondFactorInput>({ resolver: zodResolver(secondFactorSchema), defaultValues: { code: '' } });
  const onSubmit = handleSubmit(async (values) => {
    const res = await verifySecondFactorAction(values);
    if (res.ok && res.data.recoveryCodesLeft !== null) {
      setOutcome({ success: 'account.verify.recoveryUsed', details: { left: res.data.recoveryCodesLeft } });
    } else setOutcome(outcomeOf(res, 'account.verify.done', setError));
    if (res.ok) {
      router.replace(returnTo ?? '/');
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="page-title">
      <Field label={t('account.verify.code')} help={t('account.verify.codeHelp')} error={formState.errors.code?.message && t(formState.errors.code.message)} required>
        <input autoComplete="one-time-code" inputMode="text" autoFocus spellCheck={false} {...register('code')} />
      </Field>
      <FormStatus outcome={outcome} />
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        {t('account.verify.submit')}
      </button>
    </form>
  );
}
