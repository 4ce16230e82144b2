'use client';
import { DateField, SelectField, TextField, YesNoField } from '../fields';
import { useSectionLabels } from '../labels';
import { MoneyField, type Rates } from '../money-field';
import { OrganisationField } from '../organisation-field';

export function GiftFields({ prefix, rates }: { prefix: string; rates: Rates }) {
  const l = useSectionLabels('gifts');
  const f = (name: string, required = true) => ({ name: `${prefix}.${name}`, label: l.label(name), help: l.help(name), required });
  return (
    <>
      <SelectField {...f('kind')} options={l.options('kind')} />
      <OrganisationField {...f('source')} />
      <TextField {...f('description')} multiline />
      <DateField {...f('receivedOn')} />
      <MoneyField {...f('value', false)} rates={rates} />
      <YesNoField {...f('talentProgrammeAward')} />
    </>
  );
}
