'use client';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { Controller, useFormContext } from 'react-hook-form';
import { fieldId } from '@/lib/filing/form-values';
import { DateField, NumberField, SelectField, TextField, YesNoField } from '../fields';
import { useSectionLabels } from '../labels';
import { MoneyField, type Rates } from '../money-field';
import { OrganisationField } from '../organisation-field';
import { useFieldError } from '@/components/ui/use-field-error';
import { FieldGroup } from '@/components/ui/field-group';

export type AttachmentChoice = { id: string; fileName: string; kind: string };

export function AppointmentFields({
  prefix,
  rates,
  attachments,
  attachmentsHref,
}: {
  prefix: string;
  rates: Rates;
  attachments: AttachmentChoice[];
  attachmentsHref: string;
}) {
  const t = useTranslations();
  const l = useSectionLabels('appointments');
  const { control } = useFormContext();
  const f = (name: string, required = true) => ({ name: `${prefix}.${name}`, label: l.label(name), help: l.help(name), required });
  const contractsError = useFieldError(`${prefix}.contractAttachmentIds`);
  const commitmentError = useFieldError(`${prefix}.timeCommitment`);
  return (
    <>
      <OrganisationField {...f('organisation')} />
      <div className="grid-2">
        <TextField {...f('title')} />
        <SelectField {...f('kind')} options={l.options('kind')} />
      </div>
      <YesNoField {...f('paid')} />
      <MoneyField {...f('compensation', false)} rates={rates} />
      <SelectField {...f('compensationPeriod', false)} options={l.options('compensationPeriod')} />
      <FieldGroup className="composite" id={fieldId(`${prefix}.timeCommitment`)} legend={l.label('timeCommitment')} help={l.help('timeCommitment')} error={commitmentError} required>
        <div className="grid-2">
          <SelectField name={`${prefix}.timeCommitment.unit`} label={t('disclosure.appointments.timeCommitment.unit')} options={l.options('timeCommitment')} required />
          <NumberField name={`${prefix}.timeCommitment.value`} label={t('disclosure.appointments.timeCommitment.value')} step="0.1" min={0} required />
        </div>
      </FieldGroup>
      <div className="grid-2">
        <DateField {...f('startDate')} />
        <DateField {...f('endDate', false)} />
      </div>
      <FieldGroup className="composite" id={fieldId(`${prefix}.contractAttachmentIds`)} legend={l.label('contractAttachmentIds')} help={l.help('contractAttachmentIds')} error={contractsError}>
        {attachments.length === 0 ? (
          <p className="muted">{t('filing.attachments.noneYet')}</p>
        ) : (
          <Controller
            control={control}
            name={`${prefix}.contractAttachmentIds`}
            render={({ field }) => {
              const chosen = Array.isArray(field.value) ? (field.value as string[]) : [];
              return (
                <ul className="plain-list">
                  {attachments.map((a) => (
                    <li key={a.id} className="checkbox-row">
                      <input
                        type="checkbox"
                        id={`${fieldId(prefix)}-att-${a.id}`}
                        checked={chosen.includes(a.id)}
                        onChange={(e) =>
                          field.onChange(e.target.checked ? [...chosen, a.id] : chosen.filter((x) => x !== a.id))
                        }
                        onBlur={field.onBlur}
                      />
                      <label htmlFor={`${fieldId(prefix)}-att-${a.id}`}>
                        {a.fileName} <span className="muted">({t(`filing.attachments.kind.${a.kind}`)})</span>
                      </label>
                    </li>
                  ))}
                </ul>
              );
            }}
          />
        )}
        <p>
          <Link href={attachmentsHref}>{t('filing.attachments.manageLink')}</Link>
        </p>
      </FieldGroup>
      <TextField {...f('description', false)} multiline />
    </>
  );
}
