// Assigning the disclosure: to oneself in one click, or to a colleague chosen from the officers of the
// institution. The form sends the assignee it showed, so a change made meanwhile is reported.
'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { assignAction } from '@/lib/review/actions';
import { FormStatus, type Outcome } from '@/components/ui/form-status';

export function AssignForm({
  disclosureId,
  currentAssigneeId,
  me,
  officers,
}: {
  disclosureId: string;
  currentAssigneeId: string | null;
  me: string;
  officers: { id: string; displayName: string }[];
}) {
  const t = useTranslations('review.assign');
  const router = useRouter();
  const id = useId();
  const [choice, setChoice] = useState(currentAssigneeId ?? '');
  const [outcome, setOutcome] = useState<Outcome>({});
  const [pending, start] = useTransition();

  const run = (assigneeId: string) =>
    start(async () => {
      setOutcome({});
      const res = await assignAction({ disclosureId, assigneeId, expectedAssigneeId: currentAssigneeId ?? '' });
      if (res.ok) {
        setOutcome({ success: assigneeId ? 'review.assign.done' : 'review.assign.removed' });
        router.refresh();
      } else {
        const field = res.fieldErrors?.assigneeId?.[0];
        setOutcome({ error: field ?? res.error, details: res.details });
      }
    });

  return (
    <form
      className="assign-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        run(choice);
      }}
    >
      <h2 id={`${id}-title`} className="h3">
        {t('title')}
      </h2>
      <div className="row">
        <label htmlFor={`${id}-select`}>{t('label')}</label>
        <select id={`${id}-select`} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">{t('nobody')}</option>
          {officers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.id === me ? t('meOption', { name: o.displayName }) : o.displayName}
            </option>
          ))}
        </select>
        <button type="submit" className="button" disabled={pending || choice === (currentAssigneeId ?? '')}>
          {t('save')}
        </button>
        {currentAssigneeId !== me ? (
          <button type="button" className="button" disabled={pending} onClick={() => run(me)}>
            {t('toMe')}
          </button>
        ) : null}
      </div>
      <FormStatus outcome={outcome} />
    </form>
  );
}
