'use client';
// A repeating section: "nothing to disclose", then its entries, each added, edited and removed in place.
// Each entry is a group with a heading; after adding, focus moves to the new entry's first field, and
// after removing, to the next entry (or the add button), with the change announced.
import { useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { get, useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { commonLabels } from '@/lib/disclosures/labels';
import type { RepeatingSectionKey } from '@/lib/disclosures/sections';
import { blankEntry, fieldId } from '@/lib/filing/form-values';
import { CheckboxField } from './fields';
import { useFieldError } from '@/components/ui/use-field-error';

type Item = { id: string } & Record<string, unknown>;

export function RepeatingItems({
  section,
  newItem,
  firstField,
  title,
  renderItem,
  itemBanner,
}: {
  section: RepeatingSectionKey;
  newItem: () => Item;
  /** The path (within an item) of the input that receives focus when an entry is added. */
  firstField: string;
  title: (item: Item | undefined) => string;
  renderItem: (prefix: string, index: number) => ReactNode;
  /** Shown at the top of an entry (e.g. "from last year — still true?"), by the entry's id. */
  itemBanner?: (item: Item, label: string) => ReactNode;
}) {
  const t = useTranslations();
  const { control, formState } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: 'items', keyName: '_key' });
  const items = (useWatch({ name: 'items' }) as Item[] | undefined) ?? [];
  const itemsError = useFieldError('items');
  const [announcement, setAnnouncement] = useState('');
  // Where focus goes once the list has re-rendered after an addition or removal.
  const focusTarget = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const setFocusTarget = (target: string) => {
    focusTarget.current = target;
  };

  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    (target === 'add' ? addButton.current : document.getElementById(target))?.focus();
  }, [fields]);

  const headingId = (index: number) => `${section}-item-${index}-heading`;

  return (
    <div className="repeating stack">
      <CheckboxField
        name="nothingToDisclose"
        label={t('disclosure.common.nothingToDisclose.label')}
        help={t('disclosure.common.nothingToDisclose.help')}
      />
      {itemsError ? (
        <p className="field-error" role="alert" id={fieldId('items')}>
          {itemsError}
        </p>
      ) : null}
      {fields.length === 0 ? <p className="muted">{t(commonLabels.noItems)}</p> : null}
      <ol className="items" aria-label={t('filing.form.entries')}>
        {fields.map((field, index) => {
          const item = items[index];
          const label = t('filing.form.entryHeading', { n: index + 1, title: title(item) || t('filing.form.untitled') });
          return (
            <li key={field._key}>
              <section className="item card" aria-labelledby={headingId(index)}>
                <div className="spread">
                  <h3 id={headingId(index)} tabIndex={-1}>
                    {label}
                  </h3>
                  <button
                    type="button"
                    className="button"
                    onClick={() => {
                      remove(index);
                      setAnnouncement(t('filing.form.entryRemoved', { title: label }));
                      const remaining = fields.length - 1;
                      setFocusTarget(remaining === 0 ? 'add' : headingId(Math.min(index, remaining - 1)));
                    }}
                  >
                    {t(commonLabels.removeItem)}
                    <span className="visually-hidden"> ({label})</span>
                  </button>
                </div>
                {item && itemBanner ? itemBanner(item, label) : null}
                <div className="stack">{renderItem(`items.${index}`, index)}</div>
              </section>
            </li>
          );
        })}
      </ol>
      <button
        ref={addButton}
        type="button"
        className="button"
        onClick={() => {
          const index = fields.length;
          append(blankEntry(get(formState.defaultValues, `items.${index}`), newItem()), { shouldFocus: false });
          setAnnouncement(t('filing.form.entryAdded', { n: index + 1 }));
          setFocusTarget(fieldId(`items.${index}.${firstField}`));
        }}
      >
        {t(commonLabels.addItem)}
      </button>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
