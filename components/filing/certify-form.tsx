'use client';
// Certification and submission: the cycle's attestation in the reader's language, the typed full name,
// and one submit. The idempotency key is made once when the page opens, so a double click or a retried
// request submits once.
import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { submitDisclosureAction } from '@/lib/filing/actions';
import { issueLabel } from '@/components/disclosures/issue-label';
import { Field } from '@/components/ui/field';
import { sectionLabels } from '@/lib/disclosures/labels';
import { isSectionKey } from '@/lib/disclosures/sections';
import { certificationSchema, type Certification } from '@/lib/disclosures/certification';
import type { UnconfirmedItem } from '@/lib/filing/carry';
import { newItemId } from '@/lib/filing/form-values';
import { forgetLocalDrafts } from './autosave';

export function CertifyForm({
  disclosureId,
  stateVersion,
  reviewedHash,
  attestation,
}: {
  disclosureId: string;
  stateVersion: number;
  reviewedHash: string;
  attestation: string;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const router = useRouter();
  const [idempotencyKey] = useState(() => newItemId());
  const [formError, setFormError] = useState<{ key: string; reload?: boolean }>();
  const [problems, setProblems] = useState<string[]>([]);
  const [unconfirmed, setUnconfirmed] = useState<UnconfirmedItem[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting, isSubmitSuccessful },
  } = useForm<Certification>({
    resolver: zodResolver(certificationSchema),
    defaultValues: { fullName: '', accepted: false as unknown as true },
  });

  const onSubmit = handleSubmit(async (values) => {
    setFormError(undefined);
    setProblems([]);
    setUnconfirmed([]);
    let res: Awaited<ReturnType<typeof submitDisclosureAction>>;
    try {
      res = await submitDisclosureAction({
        disclosureId,
        idempotencyKey,
        stateVersion,
        reviewedHash,
        locale: locale === 'ja' ? 'ja' : 'en',
        certification: values,
      });
    } catch {
      // The request may or may not have arrived: the same key makes trying again safe.
      setFormError({ key: 'filing.review.networkError' });
      return;
    }
    if (res.ok) {
      forgetLocalDrafts(disclosureId);
      router.push(`/disclosures/${disclosureId}?submitted=${res.data.number}`);
      router.refresh();
      return;
    }
    const nameErrors = res.fieldErrors?.['certification.fullName'];
    const acceptErrors = res.fieldErrors?.['certification.accepted'];
    if (res.error === 'errors.invalidInput' && (nameErrors || acceptErrors)) {
      if (nameErrors?.[0]) setError('fullName', { message: nameErrors[0] }, { shouldFocus: true });
      if (acceptErrors?.[0]) setError('accepted', { message: acceptErrors[0] });
      return;
    }
    if (res.error === 'filing.errors.incomplete') setProblems(Object.keys(res.fieldErrors ?? {}));
    if (res.error === 'carry.errors.unconfirmed') setUnconfirmed((res.details?.items as UnconfirmedItem[] | undefined) ?? []);
    setFormError({
      key: res.error,
      reload: ['errors.conflict', 'filing.errors.changedSinceReview', 'errors.staleWrite'].includes(res.error),
    });
    setTimeout(() => document.getElementById('certify-error')?.focus(), 0);
  });

  const busy = isSubmitting || isSubmitSuccessful;
  return (
    <form onSubmit={onSubmit} noValidate className="card stack certify" aria-labelledby="certify-title">
      <h2 id="certify-title">{t('filing.review.certifyTitle')}</h2>
      <div id="certify-error" tabIndex={-1} role="alert" className={formError ? 'form-error' : 'visually-hidden'}>
        {formError ? (
          <>
            <p>{t(formError.key, { count: unconfirmed.length })}</p>
            {unconfirmed.length > 0 ? (
              <ul data-testid="carry-refused">
                {unconfirmed.map((item) => (
                  <li key={item.itemId}>
                    <Link href={`/disclosures/${disclosureId}/${item.section}`}>
                      {t(sectionLabels[item.section].title)} · {item.title || t('filing.form.untitled')}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
            {problems.length > 0 ? (
              <ul>
                {problems.map((p) => {
                  const [section, ...rest] = p.split('.');
                  const label = section && isSectionKey(section) ? `${t(sectionLabels[section].title)} · ${issueLabel(section, rest.join('.'), t)}` : p;
                  return <li key={p}>{label}</li>;
                })}
              </ul>
            ) : null}
            {formError.reload ? (
              <button type="button" className="button" onClick={() => window.location.reload()}>
                {t('filing.review.reload')}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      <blockquote className="attestation" lang={locale} data-testid="attestation">
        {attestation}
      </blockquote>
      <div className="field field-checkbox" data-invalid={errors.accepted ? 'true' : undefined}>
        <div className="checkbox-row">
          <input
            type="checkbox"
            id="certify-accepted"
            {...register('accepted')}
            aria-invalid={errors.accepted ? true : undefined}
            aria-describedby={errors.accepted ? 'certify-accepted-error' : undefined}
          />
          <label htmlFor="certify-accepted">{t('filing.review.accept')}</label>
        </div>
        <p id="certify-accepted-error" className="field-error" role={errors.accepted ? 'alert' : undefined}>
          {errors.accepted?.message ? t(errors.accepted.message) : ''}
        </p>
      </div>
      <Field
        id="certify-full-name"
        label={t('filing.review.fullName')}
        help={t('filing.review.fullNameHelp')}
        error={errors.fullName?.message ? t(errors.fullName.message, { max: 300 }) : undefined}
        required
      >
        <input type="text" autoComplete="name" {...register('fullName')} />
      </Field>
      <p className="muted">{t('filing.review.timestampNote')}</p>
      <div>
        <button type="submit" className="button primary" disabled={busy} aria-busy={busy || undefined}>
          {busy ? t('filing.review.submitting') : t('filing.review.submit')}
        </button>
      </div>
    </form>
  );
}
