'use client';
import { DateField, NumberField, SelectField, TextField } from '../fields';
import { useSectionLabels } from '../labels';
import { MoneyField, type Rates } from '../money-field';
import { OrganisationField } from '../organisation-field';

export function InterestFields({ prefix, rates }: { prefix: string; rates: Rates }) {
  const l = useSectionLabels('interests');
  const f = (name: string, required = true) => ({ name: `${prefix}.${name}`, label: l.label(name), help: l.help(name), required });
  return (
    <>
      <SelectField {...f('kind')} options={l.options('kind')} />
      <OrganisationField {...f('organisation')} />
      <TextField {...f('description')} multiline />
      <MoneyField {...f('value', false)} rates={rates} />
      <NumberField {...f('equityPercent', false)} step="0.01" min={0} max={100} />
      <div className="grid-2">
        <DateField {...f('startDate', false)} />
        <DateField {...f('endDate', false)} />
      </div>
    </>
  );
}
