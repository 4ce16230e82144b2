'use client';
// Form controls bound to the section form (react-hook-form context): each is labelled, described by its
// help text and error, and has a stable id derived from its path, so the error summary and the review
// page can link straight to it.
import { useTranslations } from 'next-intl';
import { Controller, useFormContext } from 'react-hook-form';
import { Field } from '@/components/ui/field';
import { FieldGroup, idRefs, useErrorRole, useFieldGroup } from '@/components/ui/field-group';
import { fieldId } from '@/lib/filing/form-values';
import { useLocaleOptions } from './locale-data';
import { useFieldError } from '@/components/ui/use-field-error';

type Common = { name: string; label: string; help?: string; required?: boolean };

export function TextField({
  name,
  label,
  help,
  required,
  multiline,
  autoComplete,
  lang,
}: Common & { multiline?: boolean; autoComplete?: string; lang?: string }) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <Field id={fieldId(name)} label={label} help={help} error={error} required={required}>
      {multiline ? (
        <textarea {...register(name)} rows={4} lang={lang} />
      ) : (
        <input type="text" {...register(name)} autoComplete={autoComplete ?? 'off'} lang={lang} />
      )}
    </Field>
  );
}

export function DateField({ name, label, help, required }: Common) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <Field id={fieldId(name)} label={label} help={help} error={error} required={required}>
      <input type="date" {...register(name)} className="input-date" />
    </Field>
  );
}

export function NumberField({ name, label, help, required, step = 'any', min, max }: Common & { step?: string; min?: number; max?: number }) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <Field id={fieldId(name)} label={label} help={help} error={error} required={required}>
      <input type="number" inputMode="decimal" step={step} min={min} max={max} {...register(name, { valueAsNumber: true })} className="input-number" />
    </Field>
  );
}

export function SelectField({
  name,
  label,
  help,
  required,
  options,
}: Common & { options: readonly { value: string; label: string }[] }) {
  const t = useTranslations('filing.form');
  const { register } = useFormContext();
  const error = useFieldError(name);
  return (
    <Field id={fieldId(name)} label={label} help={help} error={error} required={required}>
      <select {...register(name)}>
        <option value="">{t('choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Countries by their name in the reader's language, in that language's order. */
export function CountryField(props: Common) {
  const { countries } = useLocaleOptions();
  return <SelectField {...props} options={countries} />;
}

export function CheckboxField({ name, label, help }: Omit<Common, 'required'>) {
  const { register } = useFormContext();
  const error = useFieldError(name);
  const id = fieldId(name);
  const errorRole = useErrorRole(error);
  return (
    <div className="field field-checkbox" data-invalid={error ? 'true' : undefined}>
      <div className="checkbox-row">
        <input
          type="checkbox"
          id={id}
          {...register(name)}
          aria-invalid={error ? true : undefined}
          aria-describedby={[help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {help ? (
        <p id={`${id}-help`} className="field-help">
          {help}
        </p>
      ) : null}
      <p id={`${id}-error`} className="field-error" role={errorRole}>
        {error ?? ''}
      </p>
    </div>
  );
}

/** A yes/no question as a radio group: the answer is a boolean, and "not answered" stays absent. */
export function YesNoField({ name, label, help, required }: Common) {
  const t = useTranslations('disclosure.common');
  const { control } = useFormContext();
  const error = useFieldError(name);
  const id = fieldId(name);
  // The radios are rendered here, outside the FieldGroup's context: read the enclosing group's state.
  const outer = useFieldGroup();
  const errorRefs = idRefs(error && `${id}-error`, outer.errorId);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <FieldGroup id={id} className="yes-no" legend={label} help={help} error={error} required={required}>
          <div className="row">
            {([true, false] as const).map((answer) => (
              <label key={String(answer)} className="radio">
                <input
                  type="radio"
                  id={`${id}-${answer ? 'yes' : 'no'}`}
                  name={field.name}
                  ref={answer ? field.ref : undefined}
                  checked={field.value === answer}
                  onChange={() => field.onChange(answer)}
                  onBlur={field.onBlur}
                  aria-describedby={errorRefs}
                  required={required}
                />
                {answer ? t('yes') : t('no')}
              </label>
            ))}
          </div>
        </FieldGroup>
      )}
    />
  );
}
