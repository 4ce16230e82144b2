// Adding a comment: internal to the office (the default) or addressed to the researcher.
'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { addCommentAction } from '@/lib/review/actions';
import { Field } from '@/components/ui/field';
import { type CommentInput, commentSchema, LIMITS } from '@/lib/review/schemas';
import { FormStatus, type Outcome } from './form-status';

export function CommentForm({ disclosureId }: { disclosureId: string }) {
  const t = useTranslations('review.comments');
  const tr = useTranslations();
  const router = useRouter();
  const [outcome, setOutcome] = useState<Outcome>({});
  const {
    register,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<CommentInput, unknown, z.output<typeof commentSchema>>({
    resolver: zodResolver(commentSchema),
    defaultValues: { disclosureId, visibility: 'INTERNAL', body: '' },
  });
  const onSubmit = handleSubmit(async (values) => {
    setOutcome({});
    const res = await addCommentAction(values);
    if (res.ok) {
      reset({ disclosureId, visibility: values.visibility, body: '' });
      setOutcome({ success: 'review.comments.added' });
      router.refresh();
      return;
    }
    if (res.fieldErrors?.body?.[0]) setError('body', { type: 'server', message: res.fieldErrors.body[0] }, { shouldFocus: true });
    setOutcome({ error: res.error, details: res.details });
  });
  return (
    <form onSubmit={onSubmit} noValidate className="stack" aria-label={t('formLabel')}>
      <fieldset>
        <legend>{t('visibility')}</legend>
        <label className="choice">
          <input type="radio" value="INTERNAL" {...register('visibility')} /> {t('visibilities.INTERNAL')}
        </label>
        <label className="choice">
          <input type="radio" value="RESEARCHER" {...register('visibility')} /> {t('visibilities.RESEARCHER')}
        </label>
      </fieldset>
      <Field label={t('body')} error={errors.body?.message ? tr(errors.body.message) : undefined} required>
        <textarea maxLength={LIMITS.comment} {...register('body')} />
      </Field>
      <div>
        <button type="submit" className="button" disabled={isSubmitting}>
          {t('add')}
        </button>
      </div>
      <FormStatus outcome={outcome} />
    </form>
  );
}
