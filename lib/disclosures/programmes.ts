// Section 3: talent-recruitment programmes (外国の人材登用プログラム). The obligations checklist asks
// for the markers of a malign foreign talent recruitment programme (42 USC 19237): each must be answered
// yes or no at submit, so "not answered" never passes for "no".
import { z } from 'zod';
import { errorKeys as e } from './errors';
import {
  bool,
  checkDateOrder,
  defineItem,
  defineRepeatingSection,
  field,
  isBlank,
  pair,
  report,
  typeError,
} from './fields';

export const obligationKeys = ['ipTransfer', 'recruiting', 'concealment', 'workAbroad', 'unapprovedOverlap'] as const;
export type ObligationKey = (typeof obligationKeys)[number];

const obligationShape = <T extends z.ZodType>(answer: () => T) =>
  Object.fromEntries(obligationKeys.map((key) => [key, answer()])) as Record<ObligationKey, T>;

const obligations = pair(
  z.object(obligationShape(() => bool().optional()), { error: typeError() }),
  z.object(obligationShape(bool), { error: typeError() }),
);

const programme = defineItem(
  {
    /** The programme itself; may point at a registry entity (a §1286-listed programme, for instance). */
    programme: field.organisation(),
    sponsor: field.organisation(),
    role: field.text(),
    startDate: field.date(),
    endDate: field.optionalDate(),
    benefitsValue: field.optionalMoney(),
    benefitsDescription: field.longText(),
    obligations,
    /** Required when any obligation is answered "yes". */
    obligationsDescription: field.optionalLongText(),
  },
  (item, ctx) => {
    checkDateOrder(ctx, item.startDate, item.endDate);
    const anyYes = obligationKeys.some((key) => item.obligations?.[key] === true);
    if (anyYes && isBlank(item.obligationsDescription)) report(ctx, ['obligationsDescription'], e.required);
  },
);

export const programmeFields = programme.fields;
export const draftProgrammeSchema = programme.draft;
export const programmeSchema = programme.complete;

export const programmesSection = defineRepeatingSection(programme);

export type DraftProgramme = z.infer<typeof draftProgrammeSchema>;
export type Programme = z.infer<typeof programmeSchema>;
