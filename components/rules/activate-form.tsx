// Activating a draft version, now or from a later moment (Japan time), after an explicit confirmation.
'use client';

import { useTranslations } from 'next-intl';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { activateVersionAction } from '@/lib/rules/actions';
import { FormStatus, type Outcome } from '@/components/ui/form-status';
import { Field } from '@/components/ui/field';

export function ActivateForm({ versionId }: { versionId: string }) {
  const t = useTranslations('rules.activate');
  const tr = useTranslations();
  const router = useRouter();
  const pathname = usePathname();
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [asking, setAsking] = useState(false);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome>({});
  const [pending, start] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  const activate = () =>
    start(async () => {
      setAsking(false);
      setOutcome({});
      const res = await activateVersionAction({ versionId, effectiveFrom });
      if (!res.ok) {
        const key = res.fieldErrors?.effectiveFrom?.[0];
        setFieldError(key ? tr(key) : undefined);
        const codes = (res.details as { codes?: string[] } | undefined)?.codes;
        setOutcome({ error: res.error, details: codes ? { codes: codes.join(', ') } : res.details });
        return;
      }
      // The page re-renders as an active version (without this form): it says so itself.
      router.replace(`${pathname}?activated=true`);
      router.refresh();
    });

  return (
    <div className="stack">
      <Field label={t('effectiveFrom')} help={t('effectiveHelp')} error={fieldError}>
        <input type="datetime-local" value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
      </Field>
      {asking ? (
        <div className="confirm-box" role="group" aria-label={t('submit')}>
          <p>{t('confirm')}</p>
          <div className="row">
            <button ref={confirmRef} type="button" className="button primary" onClick={activate} disabled={pending}>
              {t('submit')}
            </button>
            <button type="button" className="button" onClick={() => setAsking(false)}>
              {tr('rules.rule.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div>
          <button type="button" className="button primary" disabled={pending} onClick={() => setAsking(true)}>
            {t('submit')}
          </button>
        </div>
      )}
      <FormStatus outcome={outcome} />
    </div>
  );
}
