'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { confirmEnrolmentAction, regenerateRecoveryCodesAction } from '@/lib/account/mfa-actions';
import { outcomeOf } from '@/components/ui/use-action-form';
import { FormStatus, type Outcome } from '@/components/ui/form-status';
import { Field } from '@/components/ui/field';
import { type TotpCodeInput, totpCodeSchema } from '@/lib/auth/mfa-schema';

/** Shown once, right after enrolment or regeneration; "continue" leads to `returnTo` (already checked same-origin). */
export function RecoveryCodes({ codes, returnTo }: { codes: string[]; returnTo: string | null }) {
  const t = useTranslations('account.mfa');
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section aria-labelledby="codes-title" className="stack">
      <h2 id="codes-title" ref={ref} tabIndex={-1}>
        {t('codesTitle')}
      </h2>
      <p>{t('codesIntro', { count: codes.length })}</p>
      <ol className="recovery-codes" data-testid="recovery-codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <Link href={returnTo ?? '/'} className="button primary">
        {t('continue')}
      </Link>
    </section>
  );
}

export function EnrolForm({ returnTo }: { returnTo: string | null }) {
  const t = useTranslations();
  const [outcome, setOutcome] = useState<Outcome>({});
  const [codes, setCodes] = useState<string[] | null>(null);
  const { register, handleSubmit, setError, formState } = useForm<TotpCodeInput>({ resolver: zodResolver(totpCodeSchema), defaultValues: { code: '' } });
  const onSubmit = handleSubmit(async (values) => {
    const res = await confirmEnrolmentAction(values);
    setOutcome(outcomeOf(res, 'account.mfa.enrolled', setError));
    if (res.ok) setCodes(res.data);
  });
  if (codes) return <RecoveryCodes codes={codes} returnTo={returnTo} />;
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="confirm-title">
      <h2 id="confirm-title">{t('account.mfa.confirmTitle')}</h2>
      <Field label={t('account.mfa.code')} help={t('account.mfa.codeHelp')} error={formState.errors.code?.message && t(formState.errors.code.message)} required>
        <input autoComplete="one-time-code" inputMode="numeric" spellCheck={false} {...register('code')} />
      </Field>
      <FormStatus outcome={outcome} />
      <button type="submit" className="button primary" disabled={formState.isSubmitting}>
        {t('account.mfa.confirm')}
      </button>
    </form>
  );
}

export function RegenerateCodes({ returnTo }: { returnTo: string | null }) {
  const t = useTranslations('account.mfa');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({});
  const [pending, setPending] = useState(false);
  if (codes) return <RecoveryCodes codes={codes} returnTo={returnTo} />;
  return (
    <div className="stack">
      <button
        type="button"
        className="button"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          const res = await regenerateRecoveryCodesAction({});
          setPending(false);
          setOutcome(outcomeOf(res, 'account.mfa.regenerated'));
          if (res.ok) setCodes(res.data);
        }}
      >
        {t('regenerate')}
      </button>
      <FormStatus outcome={outcome} />
    </div>
  );
}
