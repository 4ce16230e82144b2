'use client';
import { useTranslations } from 'next-intl';
import { get, useFieldArray, useFormContext } from 'react-hook-form';
import { blankEntry, fieldId } from '@/lib/filing/form-values';
import { DateField, NumberField, SelectField, TextField, YesNoField } from '../fields';
import { useSectionLabels } from '../labels';
import { MoneyField, type Rates } from '../money-field';
import { OrganisationField } from '../organisation-field';
import { useFieldError } from '@/components/ui/use-field-error';
import { FieldGroup } from '@/components/ui/field-group';

function PersonMonths({ name, label, help }: { name: string; label: string; help?: string }) {
  const t = useTranslations();
  const { control, formState } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name, keyName: '_key' });
  const error = useFieldError(name);
  return (
    <FieldGroup className="composite" id={fieldId(name)} legend={label} help={help} error={error} required>
      {fields.map((row, i) => (
        <div key={row._key} className="row person-months-row">
          <NumberField name={`${name}.${i}.year`} label={t('disclosure.support.personMonthsPerYear.year')} step="1" min={1900} required />
          <NumberField name={`${name}.${i}.personMonths`} label={t('disclosure.support.personMonthsPerYear.personMonths')} step="0.1" min={0} max={12} required />
          <button
            type="button"
            className="button link"
            aria-label={t('filing.form.removeYear', { n: i + 1 })}
            onClick={() => {
              remove(i);
              document.getElementById(fieldId(`${name}.add`))?.focus();
            }}
          >
            {t('filing.form.removeRow')}
          </button>
        </div>
      ))}
      <button
        type="button"
        id={fieldId(`${name}.add`)}
        className="button"
        onClick={() => {
          const index = fields.length;
          append(blankEntry(get(formState.defaultValues, `${name}.${index}`), { year: null, personMonths: null }), { shouldFocus: false });
          setTimeout(() => document.getElementById(fieldId(`${name}.${index}.year`))?.focus(), 0);
        }}
      >
        {t('filing.form.addYear')}
      </button>
    </FieldGroup>
  );
}

export function SupportFields({ prefix, rates }: { prefix: string; rates: Rates }) {
  const l = useSectionLabels('support');
  const f = (name: string, required = true) => ({ name: `${prefix}.${name}`, label: l.label(name), help: l.help(name), required });
  return (
    <>
      <TextField {...f('title')} />
      <div className="grid-2">
        <SelectField {...f('status')} options={l.options('status')} />
        <SelectField {...f('role')} options={l.options('role')} />
      </div>
      <TextField {...f('awardNumber', false)} />
      <OrganisationField {...f('source')} />
      <OrganisationField {...f('placeOfPerformance')} />
      <div className="grid-2">
        <DateField {...f('startDate')} />
        <DateField {...f('endDate')} />
      </div>
      <MoneyField {...f('totalAmount', false)} rates={rates} />
      <PersonMonths name={`${prefix}.personMonthsPerYear`} label={l.label('personMonthsPerYear')} help={l.help('personMonthsPerYear')} />
      <TextField {...f('objectives')} multiline />
      <TextField {...f('overlap')} multiline />
      <YesNoField {...f('inKind')} />
      <TextField {...f('inKindDescription', false)} multiline />
      <MoneyField {...f('inKindValue', false)} rates={rates} />
    </>
  );
}
