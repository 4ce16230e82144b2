// Creating a new ruleset (with an empty draft version 1).
'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { createRulesetAction } from '@/lib/rules/actions';
import { outcomeOf } from '@/components/admin/action-form';
import { FormStatus, type Outcome } from '@/components/admin/form-status';
import { Field } from '@/components/ui/field';
import { type RulesetInput, rulesetSchema } from '@/lib/rules/schemas';

export function CreateRulesetForm() {
  const t = useTranslations('rules.createRuleset');
  const tr = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<RulesetInput>({ resolver: zodResolver(rulesetSchema), defaultValues: { code: '', nameJa: '', nameEn: '' } });
  const err = (key?: string) => (key ? tr(key) : undefined);
  const onSubmit = handleSubmit(async (values) => {
    const res = await createRulesetAction(values);
    setOutcome(outcomeOf(res, 'rules.createRuleset.done', setError));
    if (res.ok) router.push(`/admin/rules/${res.data.code}/${res.data.version}`);
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack">
      <div className="form-grid">
        <Field label={t('code')} help={t('codeHelp')} error={err(errors.code?.message)} required>
          <input type="text" autoComplete="off" {...register('code')} />
        </Field>
        <Field label={t('nameJa')} error={err(errors.nameJa?.message)} required>
          <input type="text" lang="ja" {...register('nameJa')} />
        </Field>
        <Field label={t('nameEn')} error={err(errors.nameEn?.message)} required>
          <input type="text" lang="en" {...register('nameEn')} />
        </Field>
      </div>
      <div>
        <button type="submit" className="button" disabled={isSubmitting}>
          {t('submit')}
        </button>
      </div>
      <FormStatus outcome={outcome} />
    </form>
  );
}
