'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { verifySecondFactorAction } from '@/lib/account/verify-actions';
import { ActionForm, FormField, SubmitButton } from '@/components/ui/action-form';
import { useActionForm } from '@/components/ui/use-action-form';
import { secondFactorSchema } from '@/lib/auth/mfa-schema';

export function VerifyForm({ returnTo }: { returnTo: string | null }) {
  const t = useTranslations();
  const router = useRouter();
  const { form, outcome, setOutcome, onSubmit } = useActionForm({
    schema: secondFactorSchema,
    action: verifySecondFactorAction,
    defaultValues: { code: '' },
    success: 'account.verify.done',
    onSuccess: (data) => {
      // A recovery code was used: say how many are left.
      if (data.recoveryCodesLeft !== null) setOutcome({ success: 'account.verify.recoveryUsed', details: { left: data.recoveryCodesLeft } });
      router.replace(returnTo ?? '/');
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} onSubmit={onSubmit} outcome={outcome} aria-labelledby="page-title">
      <FormField name="code" label={t('account.verify.code')} help={t('account.verify.codeHelp')} required>
        <input autoComplete="one-time-code" inputMode="text" autoFocus spellCheck={false} {...form.register('code')} />
      </FormField>
      <SubmitButton label={t('account.verify.submit')} />
    </ActionForm>
  );
}
