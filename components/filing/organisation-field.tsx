'use client';
// An organisation: chosen from the registry of foreign organisations with type-ahead (any of its
// names finds it), or entered as new. The combobox follows the ARIA 1.2 pattern: the input owns a
// listbox, the active option is aria-activedescendant, arrows move, Enter chooses, Escape closes.
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { partHelp, partLabels } from '@/lib/disclosures/labels';
import { fieldId } from '@/lib/filing/form-values';
import { CountryField } from './fields';
import { useFieldError } from '@/components/ui/use-field-error';
import { Field } from '@/components/ui/field';
import { FieldGroup, idRefs, useErrorRole } from '@/components/ui/field-group';

type Hit = {
  id: string;
  nameEn: string;
  nameJa: string | null;
  nameZh: string | null;
  aliases: string[];
  country: string;
  type: string;
};

export function OrganisationField({
  name,
  label,
  help,
  required,
}: {
  name: string;
  label: string;
  help?: string;
  required?: boolean;
}) {
  const t = useTranslations();
  const locale = useLocale();
  const { register, setValue, setFocus } = useFormContext();
  const entityId = useWatch({ name: `${name}.entityId` }) as string | undefined;
  const chosenName = useWatch({ name: `${name}.name` }) as string | undefined;
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Hit[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const uid = useId();
  const listId = `${uid}-list`;
  const inputId = fieldId(`${name}.search`);
  const groupError = useFieldError(name);
  const nameError = useFieldError(`${name}.name`);
  const entityError = useFieldError(`${name}.entityId`);
  const abort = useRef<AbortController | null>(null);
  const regions = new Intl.DisplayNames([locale], { type: 'region' });

  useEffect(() => {
    const q = query.trim();
    if (q.length < 1) return;
    const timer = setTimeout(async () => {
      abort.current?.abort();
      const controller = new AbortController();
      abort.current = controller;
      try {
        const res = await fetch(`/api/entities?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!res.ok) throw new Error(String(res.status));
        const body = (await res.json()) as { results: Hit[] };
        setResults(body.results);
        setActive(body.results.length > 0 ? 0 : -1);
        setOpen(true);
        setStatus(t('filing.organisation.results', { count: body.results.length }));
      } catch (err) {
        if ((err as Error).name !== 'AbortError') setStatus(t('filing.organisation.searchFailed'));
      }
    }, 250);
    return () => clearTimeout(timer);
  }, [query, t]);

  function choose(hit: Hit) {
    setValue(`${name}.entityId`, hit.id, { shouldDirty: true });
    setValue(`${name}.name`, hit.nameEn, { shouldDirty: true });
    setValue(`${name}.nameLocal`, hit.nameJa ?? hit.nameZh ?? '', { shouldDirty: true });
    setValue(`${name}.country`, hit.country, { shouldDirty: true, shouldValidate: false });
    setOpen(false);
    setQuery('');
    setStatus(t('filing.organisation.chosen', { name: hit.nameEn }));
  }

  function clearChoice() {
    setValue(`${name}.entityId`, undefined, { shouldDirty: true });
    setFocus(`${name}.name`);
  }

  const nameField = register(`${name}.name`, {
    // A name typed by hand no longer names the registry entry that was chosen.
    onChange: () => {
      if (entityId) setValue(`${name}.entityId`, undefined, { shouldDirty: true });
    },
  });

  const entityErrorRole = useErrorRole(entityError);
  // The search box is the group's first control: it carries the group's error as well as its own.
  const searchState = {
    'aria-invalid': entityError || groupError ? (true as const) : undefined,
    errorRefs: idRefs(entityError && `${inputId}-error`, groupError && `${fieldId(name)}-error`),
  };
  const optionId = (i: number) => `${uid}-opt-${i}`;
  const expanded = open && results.length > 0;
  return (
    <FieldGroup className="organisation" id={fieldId(name)} legend={label} help={help} error={groupError} required={required}>
      <div className="field combobox">
        <label htmlFor={inputId}>{t(partLabels.organisation.entityId)}</label>
        <p className="field-help" id={`${inputId}-help`}>
          {t(partHelp.organisation.entityId)}
        </p>
        <input
          id={inputId}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={idRefs(`${inputId}-help`, searchState.errorRefs)}
          aria-invalid={searchState['aria-invalid']}
          placeholder={t('filing.organisation.searchPlaceholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            if (e.target.value.trim() === '') {
              setResults([]);
              setStatus('');
            }
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              if (!open && results.length > 0) setOpen(true);
              else setActive((i) => (results.length === 0 ? -1 : (i + 1) % results.length));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => (results.length === 0 ? -1 : (i - 1 + results.length) % results.length));
            } else if (e.key === 'Enter') {
              // Enter in the search box chooses; it never submits the form.
              e.preventDefault();
              const hit = expanded && active >= 0 ? results[active] : undefined;
              if (hit) choose(hit);
            } else if (e.key === 'Escape') {
              if (expanded) {
                e.preventDefault();
                setOpen(false);
              } else if (query) {
                e.preventDefault();
                setQuery('');
              }
            }
          }}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <ul id={listId} role="listbox" aria-label={t('filing.organisation.listLabel')} className="combobox-list" hidden={!expanded}>
          {results.map((hit, i) => (
            <li
              key={hit.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(hit)}
            >
              <span className="option-name">{hit.nameEn}</span>
              {hit.nameJa || hit.nameZh ? (
                <span className="option-local" lang={hit.nameJa ? 'ja' : 'zh'}>
                  {hit.nameJa ?? hit.nameZh}
                </span>
              ) : null}
              <span className="option-meta">
                {regions.of(hit.country) ?? hit.country} · {t(`filing.entityType.${hit.type}`)}
              </span>
            </li>
          ))}
        </ul>
        <p id={`${inputId}-error`} className="field-error" role={entityErrorRole}>
          {entityError ?? ''}
        </p>
        <p className="visually-hidden" aria-live="polite">
          {status}
        </p>
      </div>
      {entityId ? (
        <p className="registry-link">
          <span className="badge ok">{t('filing.organisation.linked')}</span> {chosenName}{' '}
          <button type="button" className="button link" onClick={clearChoice}>
            {t('filing.organisation.unlink')}
          </button>
        </p>
      ) : (
        <p className="muted registry-link">{t('filing.organisation.notLinked')}</p>
      )}
      <Field id={fieldId(`${name}.name`)} label={t(partLabels.organisation.name)} help={t(partHelp.organisation.name)} error={nameError} required={required}>
        <input type="text" autoComplete="organization" {...nameField} />
      </Field>
      <Field id={fieldId(`${name}.nameLocal`)} label={t(partLabels.organisation.nameLocal)} help={t(partHelp.organisation.nameLocal)}>
        <input type="text" autoComplete="off" {...register(`${name}.nameLocal`)} />
      </Field>
      <CountryField name={`${name}.country`} label={t(partLabels.organisation.country)} required={required} />
    </FieldGroup>
  );
}
