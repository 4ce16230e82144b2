'use client';
import { useLocale } from 'next-intl';
import { SelectField, TextField } from '../fields';
import { useSectionLabels } from '../labels';
import { localName } from '@/lib/i18n/local-text';

export type Department = { id: string; nameJa: string; nameEn: string };

export function ProfileFields({ departments }: { departments: Department[] }) {
  const l = useSectionLabels('profile');
  const locale = useLocale();
  const f = (name: string, required = true) => ({ name, label: l.label(name), help: l.help(name), required });
  return (
    <div className="stack">
      <div className="grid-2">
        <TextField {...f('nameKanji', false)} autoComplete="name" lang="ja" />
        <TextField {...f('nameKana')} lang="ja" />
        <TextField {...f('nameRomaji')} autoComplete="name" lang="en" />
        <TextField {...f('position')} autoComplete="organization-title" />
      </div>
      <SelectField
        {...f('departmentId', false)}
        options={departments.map((d) => ({ value: d.id, label: localName(locale, d) }))}
      />
      <div className="grid-2">
        <TextField {...f('eradNumber')} />
        <TextField {...f('orcid', false)} />
      </div>
    </div>
  );
}
