'use client';
import { CountryField, DateField, TextField } from '../fields';
import { useSectionLabels } from '../labels';
import { MoneyField, type Rates } from '../money-field';
import { OrganisationField } from '../organisation-field';

export function TravelFields({ prefix, rates }: { prefix: string; rates: Rates }) {
  const l = useSectionLabels('travel');
  const f = (name: string, required = true) => ({ name: `${prefix}.${name}`, label: l.label(name), help: l.help(name), required });
  return (
    <>
      <OrganisationField {...f('sponsor')} />
      <CountryField {...f('destinationCountry')} />
      <TextField {...f('purpose')} multiline />
      <div className="grid-2">
        <DateField {...f('startDate')} />
        <DateField {...f('endDate')} />
      </div>
      <MoneyField {...f('value')} rates={rates} />
    </>
  );
}
