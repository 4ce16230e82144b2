// Creating a new ruleset (with an empty draft version 1).
'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { createRulesetAction } from '@/lib/rules/actions';
import { ActionForm, FormField, SubmitButton } from '@/components/ui/action-form';
import { useActionForm } from '@/components/ui/use-action-form';
import { rulesetSchema } from '@/lib/rules/schemas';

export function CreateRulesetForm() {
  const t = useTranslations('rules.createRuleset');
  const router = useRouter();
  const { form, outcome, onSubmit } = useActionForm({
    schema: rulesetSchema,
    action: createRulesetAction,
    defaultValues: { code: '', nameJa: '', nameEn: '' },
    success: 'rules.createRuleset.done',
    onSuccess: (data) => router.push(`/admin/rules/${data.code}/${data.version}`),
  });
  return (
    <ActionForm form={form} onSubmit={onSubmit} outcome={outcome}>
      <div className="form-grid">
        <FormField name="code" label={t('code')} help={t('codeHelp')} required>
          <input type="text" autoComplete="off" {...form.register('code')} />
        </FormField>
        <FormField name="nameJa" label={t('nameJa')} required>
          <input type="text" lang="ja" {...form.register('nameJa')} />
        </FormField>
        <FormField name="nameEn" label={t('nameEn')} required>
          <input type="text" lang="en" {...form.register('nameEn')} />
        </FormField>
      </div>
      <SubmitButton label={t('submit')} className="button" />
    </ActionForm>
  );
}
