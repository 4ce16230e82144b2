'use client';
// The errors of a check, listed at the top of the form with links that move focus to each field.
import { useTranslations } from 'next-intl';
import { fieldId } from '@/lib/filing/form-values';

export type SummaryItem = { path: string; label: string; message: string };

export function focusField(path: string): void {
  const el = document.getElementById(fieldId(path));
  if (!el) return;
  // A group (fieldset) or list: its first invalid control, else its first control.
  const controls = 'input, select, textarea, button';
  const target =
    el instanceof HTMLFieldSetElement || el.tagName === 'P'
      ? el.querySelector<HTMLElement>(`:is(${controls})[aria-invalid='true']`) ?? el.querySelector<HTMLElement>(controls) ?? el
      : el;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

export function ErrorSummary({ items }: { items: SummaryItem[] }) {
  const t = useTranslations('filing.form');
  if (items.length === 0) return null;
  return (
    <div id="error-summary" className="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{t('errorSummaryTitle', { count: items.length })}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.path}>
            <a
              href={`#${fieldId(item.path)}`}
              onClick={(e) => {
                e.preventDefault();
                focusField(item.path);
              }}
            >
              {item.label}: {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
