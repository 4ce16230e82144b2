'use client';
import { obligationKeys } from '@/lib/disclosures/programmes';
import { fieldId } from '@/lib/filing/form-values';
import { DateField, TextField, YesNoField } from '../fields';
import { useSectionLabels } from '../labels';
import { MoneyField, type Rates } from '../money-field';
import { OrganisationField } from '../organisation-field';
import { useFieldError } from '@/components/ui/use-field-error';
import { FieldGroup } from '@/components/ui/field-group';

export function ProgrammeFields({ prefix, rates }: { prefix: string; rates: Rates }) {
  const l = useSectionLabels('programmes');
  const f = (name: string, required = true) => ({ name: `${prefix}.${name}`, label: l.label(name), help: l.help(name), required });
  const obligationLabels = l.options('obligations');
  const obligationsError = useFieldError(`${prefix}.obligations`);
  return (
    <>
      <OrganisationField {...f('programme')} />
      <OrganisationField {...f('sponsor')} />
      <TextField {...f('role')} />
      <div className="grid-2">
        <DateField {...f('startDate')} />
        <DateField {...f('endDate', false)} />
      </div>
      <MoneyField {...f('benefitsValue', false)} rates={rates} />
      <TextField {...f('benefitsDescription')} multiline />
      <FieldGroup className="composite" id={fieldId(`${prefix}.obligations`)} legend={l.label('obligations')} help={l.help('obligations')} error={obligationsError} required>
        {obligationKeys.map((key) => (
          <YesNoField key={key} name={`${prefix}.obligations.${key}`} label={obligationLabels.find((o) => o.value === key)?.label ?? key} required />
        ))}
      </FieldGroup>
      <TextField {...f('obligationsDescription', false)} multiline />
    </>
  );
}
