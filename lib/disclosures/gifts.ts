// Section 5: gifts, honoraria and awards. Accepting an award of a talent programme counts as involvement
// in it, so the item asks about that explicitly.
import { z } from 'zod';
import { errorKeys as e } from './errors';
import { defineItem, defineRepeatingSection, field, isBlank, report } from './fields';

export const giftKinds = ['GIFT', 'HONORARIUM', 'AWARD'] as const;

const gift = defineItem(
  {
    kind: field.choice(giftKinds),
    source: field.organisation(),
    description: field.longText(),
    receivedOn: field.date(),
    /** Required for gifts and honoraria; an award may carry no money. */
    value: field.optionalMoney(),
    talentProgrammeAward: field.bool(),
  },
  (item, ctx) => {
    if (item.kind !== 'AWARD' && isBlank(item.value)) report(ctx, ['value'], e.required);
  },
);

export const giftFields = gift.fields;
export const draftGiftSchema = gift.draft;
export const giftSchema = gift.complete;

export const giftsSection = defineRepeatingSection(gift);

export type DraftGift = z.infer<typeof draftGiftSchema>;
export type Gift = z.infer<typeof giftSchema>;
