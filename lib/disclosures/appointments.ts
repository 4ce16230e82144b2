// Section 2: positions and appointments, domestic and foreign, paid or unpaid, including honorary,
// emeritus, visiting and side jobs (兼業). Foreign or domestic follows from the organisation's country.
import { z } from 'zod';
import { isForeign, type CountryCode } from './countries';
import { errorKeys as e } from './errors';
import {
  checkDateOrder,
  checkPersonMonths,
  choice,
  defineItem,
  defineRepeatingSection,
  field,
  isBlank,
  limits,
  pair,
  report,
  typeError,
} from './fields';

export const appointmentKinds = [
  'FULL_TIME',
  'PART_TIME',
  'VISITING',
  'ADJUNCT',
  'HONORARY',
  'EMERITUS',
  'SIDE_JOB',
  'ADVISORY',
  'OTHER',
] as const;
export const compensationPeriods = ['ANNUAL', 'MONTHLY', 'TOTAL'] as const;
export const timeCommitmentUnits = ['PERCENT', 'PERSON_MONTHS'] as const;

const number = () => z.number({ error: typeError() });

// Effort (エフォート) is a whole percentage, as in e-Rad; person-months per year run from 0 to 12.
const timeCommitment = pair(
  z.object({ unit: choice(timeCommitmentUnits).optional(), value: number().optional() }, { error: typeError() }),
  z
    .object({ unit: choice(timeCommitmentUnits), value: number() }, { error: typeError() })
    .superRefine((t, ctx) => {
      if (t.unit === 'PERSON_MONTHS') checkPersonMonths(ctx, ['value'], t.value);
      else if (t.value < 0 || t.value > 100) report(ctx, ['value'], e.percentRange);
      else if (!Number.isInteger(t.value)) report(ctx, ['value'], e.wholeNumber);
    }),
);

const appointment = defineItem(
  {
    organisation: field.organisation(),
    title: field.text(),
    kind: field.choice(appointmentKinds),
    paid: field.bool(),
    compensation: field.optionalMoney(),
    /** Required once an amount is given: ¥100,000 a month and ¥100,000 in total are different disclosures. */
    compensationPeriod: field.optionalChoice(compensationPeriods),
    timeCommitment,
    startDate: field.date(),
    endDate: field.optionalDate(),
    contractAttachmentIds: field.uuidList(limits.attachments),
    description: field.optionalLongText(),
  },
  (item, ctx) => {
    checkDateOrder(ctx, item.startDate, item.endDate);
    const amount = item.compensation?.amountMinor;
    if (item.paid === false && typeof amount === 'number' && amount > 0) {
      report(ctx, ['compensation'], e.unpaidWithCompensation);
    }
    if (!isBlank(item.compensation) && isBlank(item.compensationPeriod)) {
      report(ctx, ['compensationPeriod'], e.required);
    }
  },
);

export const appointmentFields = appointment.fields;
export const draftAppointmentSchema = appointment.draft;
export const appointmentSchema = appointment.complete;

export const appointmentsSection = defineRepeatingSection(appointment);

export type DraftAppointment = z.infer<typeof draftAppointmentSchema>;
export type Appointment = z.infer<typeof appointmentSchema>;

export function isForeignAppointment(
  item: { organisation?: { country?: CountryCode } },
  homeCountry: CountryCode = 'JP',
): boolean | undefined {
  const country = item.organisation?.country;
  return country === undefined ? undefined : isForeign(country, homeCountry);
}
