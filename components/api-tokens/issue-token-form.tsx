// Issuing a personal access token: name, owner, role, scope and expiry; the new token is shown once,
// in a read-only field that can be selected and copied.
'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { issueApiTokenAction } from '@/lib/api/actions';
import { outcomeOf } from '@/components/ui/use-action-form';
import { FormStatus, type Outcome } from '@/components/ui/form-status';
import { Field } from '@/components/ui/field';
import { TOKEN_ROLES, issueTokenSchema } from '@/lib/api/token-schema';

type Input = z.input<typeof issueTokenSchema>;

export function IssueTokenForm({ institutions }: { institutions: { id: string; name: string }[] }) {
  const t = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const [issued, setIssued] = useState<string | null>(null);
  const { register, handleSubmit, setError, control, formState } = useForm<Input>({
    resolver: zodResolver(issueTokenSchema),
    defaultValues: { name: '', ownerEmail: '', role: 'AUDITOR', allInstitutions: false, institutionIds: [], expiresInDays: 90 },
  });
  const all = useWatch({ control, name: 'allInstitutions' });
  const err = (key?: string) => (key ? t(key) : undefined);
  const onSubmit = handleSubmit(async (values) => {
    setIssued(null);
    const res = await issueApiTokenAction(values);
    setOutcome(outcomeOf(res, 'apiTokens.issue.created', setError));
    if (res.ok) {
      setIssued(res.data.token);
      router.refresh();
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-labelledby="issue-title">
      <h2 id="issue-title">{t('apiTokens.issue.title')}</h2>
      <Field label={t('apiTokens.issue.name')} help={t('apiTokens.issue.nameHelp')} error={err(formState.errors.name?.message)} required>
        <input type="text" autoComplete="off" {...register('name')} />
      </Field>
      <Field label={t('apiTokens.issue.ownerEmail')} help={t('apiTokens.issue.ownerEmailHelp')} error={err(formState.errors.ownerEmail?.message)} required>
        <input type="email" autoComplete="off" {...register('ownerEmail')} />
      </Field>
      <Field label={t('apiTokens.issue.role')} error={err(formState.errors.role?.message)} required>
        <select {...register('role')}>
          {TOKEN_ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`apiTokens.issue.roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="stack" aria-describedby={formState.errors.institutionIds ? 'scope-error' : undefined}>
        <legend>{t('apiTokens.issue.scope')}</legend>
        <label className="checkbox">
          <input type="checkbox" {...register('allInstitutions')} /> {t('apiTokens.issue.allInstitutions')}
        </label>
        <div className="checkbox-grid" role="group" aria-label={t('apiTokens.issue.institutions')}>
          {institutions.map((i) => (
            <label key={i.id} className="checkbox">
              <input type="checkbox" value={i.id} disabled={all} {...register('institutionIds')} /> {i.name}
            </label>
          ))}
        </div>
        <p id="scope-error" className="field-error" role={formState.errors.institutionIds ? 'alert' : undefined}>
          {err(formState.errors.institutionIds?.message) ?? ''}
        </p>
      </fieldset>
      <Field label={t('apiTokens.issue.expiresInDays')} help={t('apiTokens.issue.expiresHelp')} error={err(formState.errors.expiresInDays?.message)}>
        <input type="number" min={1} max={730} inputMode="numeric" {...register('expiresInDays', { setValueAs: (v: string) => (v === '' || v === null ? null : Number(v)) })} />
      </Field>
      <FormStatus outcome={outcome} />
      {issued ? (
        <div className="form-success stack" data-testid="issued-token">
          <label htmlFor="issued-token-value">{t('apiTokens.issue.tokenLabel')}</label>
          <input id="issued-token-value" type="text" readOnly value={issued} className="token-value" onFocus={(e) => e.currentTarget.select()} />
          <p>{t('apiTokens.issue.copyHint')}</p>
        </div>
      ) : null}
      <div>
        <button type="submit" className="button primary" disabled={formState.isSubmitting}>
          {t('apiTokens.issue.submit')}
        </button>
      </div>
    </form>
  );
}
