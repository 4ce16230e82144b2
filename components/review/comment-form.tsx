// Adding a comment: internal to the office (the default) or addressed to the researcher.
'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { addCommentAction } from '@/lib/review/actions';
import { ActionForm, FormField, SubmitButton } from '@/components/ui/action-form';
import { useActionForm } from '@/components/ui/use-action-form';
import { commentSchema, LIMITS } from '@/lib/review/schemas';

export function CommentForm({ disclosureId }: { disclosureId: string }) {
  const t = useTranslations('review.comments');
  const router = useRouter();
  const { form, outcome, onSubmit } = useActionForm({
    schema: commentSchema,
    action: addCommentAction,
    defaultValues: { disclosureId, visibility: 'INTERNAL', body: '' },
    success: 'review.comments.added',
    onSuccess: (_, values) => {
      form.reset({ disclosureId, visibility: values.visibility, body: '' });
      router.refresh();
    },
  });
  return (
    <ActionForm form={form} onSubmit={onSubmit} outcome={outcome} aria-label={t('formLabel')}>
      <fieldset>
        <legend>{t('visibility')}</legend>
        <label className="choice">
          <input type="radio" value="INTERNAL" {...form.register('visibility')} /> {t('visibilities.INTERNAL')}
        </label>
        <label className="choice">
          <input type="radio" value="RESEARCHER" {...form.register('visibility')} /> {t('visibilities.RESEARCHER')}
        </label>
      </fieldset>
      <FormField name="body" label={t('body')} required>
        <textarea maxLength={LIMITS.comment} {...form.register('body')} />
      </FormField>
      <SubmitButton label={t('add')} className="button" />
    </ActionForm>
  );
}
