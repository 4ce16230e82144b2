// Section 6: consulting, equity, intellectual property and other financial interests.
import { z } from 'zod';
import { errorKeys as e } from './errors';
import { checkDateOrder, defineItem, defineRepeatingSection, field, pair, report, typeError } from './fields';

export const interestKinds = ['CONSULTING', 'EQUITY', 'INTELLECTUAL_PROPERTY', 'OTHER'] as const;

const percent = () => z.number({ error: typeError() });

const interest = defineItem(
  {
    kind: field.choice(interestKinds),
    organisation: field.organisation(),
    description: field.longText(),
    /** Income in the last twelve months, or the current value of equity or IP; optional if unknown. */
    value: field.optionalMoney(),
    /** Share of the company held, for equity only. */
    equityPercent: pair(percent(), percent().optional()),
    startDate: field.optionalDate(),
    endDate: field.optionalDate(),
  },
  (item, ctx) => {
    checkDateOrder(ctx, item.startDate, item.endDate);
    const share = item.equityPercent;
    if (typeof share === 'number' && (share < 0 || share > 100)) report(ctx, ['equityPercent'], e.percentRange);
  },
);

export const interestFields = interest.fields;
export const draftInterestSchema = interest.draft;
export const interestSchema = interest.complete;

export const interestsSection = defineRepeatingSection(interest);

export type DraftInterest = z.infer<typeof draftInterestSchema>;
export type Interest = z.infer<typeof interestSchema>;
