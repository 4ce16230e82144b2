'use client';
// Required fields: the control itself carries aria-required (what assistive technology reads); the
// asterisk is for sight and is explained once per form in words.
import { useTranslations } from 'next-intl';

export function RequiredMark() {
  return (
    <span aria-hidden="true" className="required-mark">
      {' *'}
    </span>
  );
}

/** Once per form that marks fields with an asterisk. */
export function RequiredHint() {
  const t = useTranslations('common');
  return (
    <p className="required-hint muted">
      {t.rich('requiredHint', { mark: (chunks) => <span className="required-mark">{chunks}</span> })}
    </p>
  );
}
