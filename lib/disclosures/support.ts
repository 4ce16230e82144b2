// Section 4: current and pending support from every source (CPOS of the NSPM-33 common form), domestic
// grants included: overlap and total effort are checked across all of them.
import { z } from 'zod';
import { errorKeys as e } from './errors';
import {
  checkDateOrder,
  checkPersonMonths,
  defineItem,
  defineRepeatingSection,
  field,
  isBlank,
  isIsoDate,
  limits,
  pair,
  report,
  typeError,
} from './fields';

export const supportStatuses = ['CURRENT', 'PENDING'] as const;
export const supportRoles = [
  'PRINCIPAL_INVESTIGATOR',
  'CO_PRINCIPAL_INVESTIGATOR',
  'CO_INVESTIGATOR',
  'OTHER',
] as const;

const year = () => z.number({ error: typeError(e.invalidYear) });
const months = () => z.number({ error: typeError() });

const personMonthsPerYear = pair(
  z
    .array(z.object({ year: year().optional(), personMonths: months().optional() }, { error: typeError() }), {
      error: typeError(),
    })
    .max(limits.years, { error: e.tooManyItems }),
  z
    .array(
      z
        .object({ year: year(), personMonths: months() }, { error: typeError() })
        .superRefine((row, ctx) => {
          const validYear = Number.isInteger(row.year) && row.year >= 1900 && row.year <= 2200;
          if (!validYear) report(ctx, ['year'], e.invalidYear);
          checkPersonMonths(ctx, ['personMonths'], row.personMonths);
        }),
      { error: typeError() },
    )
    .min(1, { error: e.required })
    .max(limits.years, { error: e.tooManyItems }),
);

/** Each calendar year once, and only years the project runs in (checked once both dates are valid). */
function checkYears(
  item: { startDate?: unknown; endDate?: unknown; personMonthsPerYear?: { year?: unknown }[] },
  ctx: z.RefinementCtx,
): void {
  if (!Array.isArray(item.personMonthsPerYear)) return;
  const [start, end] = [item.startDate, item.endDate];
  const period =
    isIsoDate(start) && isIsoDate(end) ? [Number(start.slice(0, 4)), Number(end.slice(0, 4))] : undefined;
  const seen = new Set<unknown>();
  item.personMonthsPerYear.forEach((row, index) => {
    const year = row?.year;
    if (typeof year !== 'number') return;
    if (seen.has(year)) report(ctx, ['personMonthsPerYear', index, 'year'], e.duplicateYear);
    else if (period && (year < period[0]! || year > period[1]!)) {
      report(ctx, ['personMonthsPerYear', index, 'year'], e.yearOutsidePeriod);
    }
    seen.add(year);
  });
}

const support = defineItem(
  {
    title: field.text(),
    status: field.choice(supportStatuses),
    role: field.choice(supportRoles),
    /** Pending proposals have none yet. */
    awardNumber: field.optionalText(),
    source: field.organisation(),
    placeOfPerformance: field.organisation(),
    startDate: field.date(),
    endDate: field.date(),
    /** Required unless the support is in kind only. */
    totalAmount: field.optionalMoney(),
    /** One row per calendar year of the project (CPOS "person-months per year"). */
    personMonthsPerYear,
    objectives: field.longText(),
    overlap: field.longText(),
    inKind: field.bool(),
    inKindDescription: field.optionalLongText(),
    inKindValue: field.optionalMoney(),
  },
  (item, ctx) => {
    checkDateOrder(ctx, item.startDate, item.endDate);
    if (item.inKind === false && isBlank(item.totalAmount)) report(ctx, ['totalAmount'], e.required);
    if (item.inKind === true && isBlank(item.inKindDescription)) report(ctx, ['inKindDescription'], e.required);
    if (item.inKind === true && isBlank(item.inKindValue)) report(ctx, ['inKindValue'], e.required);
    checkYears(item, ctx);
  },
);

export const supportFields = support.fields;
export const draftSupportSchema = support.draft;
export const supportSchema = support.complete;

export const supportSection = defineRepeatingSection(support);

export type DraftSupport = z.infer<typeof draftSupportSchema>;
export type Support = z.infer<typeof supportSchema>;
