// The officer's decision: approve (no conflict, or managed with a plan), return for revision with a
// reason the researcher reads, or flag for escalation with an internal rationale. The same zod schema
// checks the form here and the action on the server; the form carries the stateVersion the officer
// saw, so a decision made meanwhile by a colleague is reported instead of overwritten.
'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { decideAction } from '@/lib/review/actions';
import { Field } from '@/components/ui/field';
import { type DecisionInput, decisionSchema, LIMITS } from '@/lib/review/schemas';
import { FormStatus, type Outcome } from '@/components/ui/form-status';
import { focusWhenShown } from '@/components/ui/focus-target';

type Output = z.output<typeof decisionSchema>;
const DATE_SLOTS = 3;

export function DecisionForm({ disclosureId, stateVersion }: { disclosureId: string; stateVersion: number }) {
  const t = useTranslations('review');
  const tr = useTranslations();
  const router = useRouter();
  const ids = useId();
  const [outcome, setOutcome] = useState<Outcome>({});
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<DecisionInput, unknown, Output>({
    resolver: zodResolver(decisionSchema),
    defaultValues: {
      disclosureId,
      stateVersion,
      reason: '',
      plan: { conditions: '', responsiblePerson: '', reviewDates: Array.from({ length: DATE_SLOTS }, () => '') },
    },
  });
  const decision = useWatch({ control, name: 'decision' });
  const disposition = useWatch({ control, name: 'disposition' });
  const msg = (key?: string) => (key ? tr(key) : undefined);

  const onSubmit = handleSubmit(async (values) => {
    setOutcome({});
    const res = await decideAction(values);
    if (res.ok) {
      setOutcome({ success: 'review.decision.done' });
      // The refresh replaces this form with the decision's record: focus goes there, not to the body.
      focusWhenShown('decision-result');
      router.refresh();
      return;
    }
    for (const [path, messages] of Object.entries(res.fieldErrors ?? {})) {
      if (messages[0]) setError(path as never, { type: 'server', message: messages[0] }, { shouldFocus: true });
    }
    setOutcome({ error: res.error, details: res.details });
  });

  const decisionError = msg(errors.decision?.message);
  const dispositionError = msg(errors.disposition?.message);
  const datesError = errors.plan?.reviewDates as { message?: string; root?: { message?: string } } | undefined;
  const datesMessage = msg(datesError?.message ?? datesError?.root?.message);
  const reasonLabel = decision === 'FLAG' ? t('decision.rationale') : t('decision.reason');
  const reasonHelp = decision === 'FLAG' ? t('decision.rationaleHelp') : t('decision.reasonHelp');
  const stale = outcome.error === 'review.errors.decidedMeanwhile' || outcome.error === 'review.errors.changedMeanwhile';

  return (
    <form onSubmit={onSubmit} noValidate className="stack decision-form" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('decision.title')}</h2>
      <FormStatus outcome={outcome} />
      {stale ? (
        <button type="button" className="button" onClick={() => router.refresh()}>
          {t('decision.reload')}
        </button>
      ) : null}
      <fieldset aria-describedby={decisionError ? `${ids}-decision-error` : undefined} aria-invalid={decisionError ? true : undefined}>
        <legend>{t('decision.kind')}</legend>
        {(['APPROVE', 'RETURN', 'FLAG'] as const).map((k) => (
          <div key={k} className="choice-block">
            <label className="choice">
              <input type="radio" value={k} aria-describedby={`${ids}-${k}-help`} {...register('decision')} /> {t(`decision.kinds.${k}`)}
            </label>
            <p id={`${ids}-${k}-help`} className="field-help">
              {t(`decision.kindHelp.${k}`)}
            </p>
          </div>
        ))}
        <p id={`${ids}-decision-error`} className="field-error" role={decisionError ? 'alert' : undefined}>
          {decisionError ?? ''}
        </p>
      </fieldset>

      {decision === 'APPROVE' ? (
        <fieldset aria-describedby={dispositionError ? `${ids}-disposition-error` : undefined}>
          <legend>{t('decision.disposition')}</legend>
          {(['NO_CONFLICT', 'MANAGED'] as const).map((k) => (
            <label key={k} className="choice">
              <input type="radio" value={k} {...register('disposition')} /> {t(`decision.dispositions.${k}`)}
            </label>
          ))}
          <p id={`${ids}-disposition-error`} className="field-error" role={dispositionError ? 'alert' : undefined}>
            {dispositionError ?? ''}
          </p>
        </fieldset>
      ) : null}

      {decision === 'APPROVE' && disposition === 'MANAGED' ? (
        <fieldset className="stack">
          <legend>{t('plan.title')}</legend>
          <Field label={t('plan.conditions')} help={t('plan.conditionsHelp')} error={msg(errors.plan?.conditions?.message)} required>
            <textarea maxLength={LIMITS.conditions} {...register('plan.conditions')} />
          </Field>
          <Field label={t('plan.responsible')} help={t('plan.responsibleHelp')} error={msg(errors.plan?.responsiblePerson?.message)} required>
            <input type="text" maxLength={LIMITS.person} {...register('plan.responsiblePerson')} />
          </Field>
          <fieldset aria-describedby={`${ids}-dates-help${datesMessage ? ` ${ids}-dates-error` : ''}`} aria-invalid={datesMessage ? true : undefined}>
            <legend>{t('plan.reviewDates')}</legend>
            <p id={`${ids}-dates-help`} className="field-help">
              {t('plan.reviewDatesHelp')}
            </p>
            <div className="row">
              {Array.from({ length: DATE_SLOTS }, (_, i) => (
                <label key={i} className="date-slot">
                  <span>{t('plan.reviewDate', { n: i + 1 })}</span>
                  <input type="date" {...register(`plan.reviewDates.${i}` as const)} />
                </label>
              ))}
            </div>
            <p id={`${ids}-dates-error`} className="field-error" role={datesMessage ? 'alert' : undefined}>
              {datesMessage ?? ''}
            </p>
          </fieldset>
        </fieldset>
      ) : null}

      {decision === 'RETURN' || decision === 'FLAG' ? (
        <Field label={reasonLabel} help={reasonHelp} error={msg(errors.reason?.message)} required>
          <textarea maxLength={LIMITS.reason} {...register('reason')} />
        </Field>
      ) : null}

      <div>
        <button type="submit" className={`button ${decision === 'FLAG' ? 'danger' : 'primary'}`} disabled={isSubmitting}>
          {isSubmitting ? t('decision.saving') : t(`decision.submit.${decision ?? 'none'}`)}
        </button>
      </div>
    </form>
  );
}
