// Validation messages are catalog keys of the `validation` namespace, never sentences: the UI translates
// them with the issue's params ({max}, {min}, {currency}, {digits}).
import type { z } from 'zod';
import { amountErrorKeys } from '@/lib/money';

export const errorKeys = {
  required: 'validation.required',
  invalidType: 'validation.invalidType',
  tooLong: 'validation.tooLong',
  tooManyItems: 'validation.tooManyItems',
  invalidOption: 'validation.invalidOption',
  invalidReference: 'validation.invalidReference',
  invalidDate: 'validation.invalidDate',
  endBeforeStart: 'validation.endBeforeStart',
  invalidCountry: 'validation.invalidCountry',
  invalidCurrency: 'validation.invalidCurrency',
  ...amountErrorKeys,
  amountNegative: 'validation.amountNegative',
  sectionEmpty: 'validation.sectionEmpty',
  nothingToDiscloseWithItems: 'validation.nothingToDiscloseWithItems',
  duplicateId: 'validation.duplicateId',
  eradFormat: 'validation.eradFormat',
  orcidFormat: 'validation.orcidFormat',
  orcidChecksum: 'validation.orcidChecksum',
  kanaFormat: 'validation.kanaFormat',
  romajiFormat: 'validation.romajiFormat',
  percentRange: 'validation.percentRange',
  wholeNumber: 'validation.wholeNumber',
  personMonthsRange: 'validation.personMonthsRange',
  oneDecimal: 'validation.oneDecimal',
  invalidYear: 'validation.invalidYear',
  duplicateYear: 'validation.duplicateYear',
  yearOutsidePeriod: 'validation.yearOutsidePeriod',
  unpaidWithCompensation: 'validation.unpaidWithCompensation',
  mustAccept: 'validation.mustAccept',
} as const;

export type ValidationKey = (typeof errorKeys)[keyof typeof errorKeys];

export type FieldIssue = {
  /** Dot path as react-hook-form names fields: "items.0.organisation.name"; "" for the whole value. */
  path: string;
  key: ValidationKey;
  params?: Record<string, string | number>;
};

/**
 * The shape the UI and server actions show. Every schema here sets its own message keys; an issue whose
 * message is not one (a schema built elsewhere) is reported as `validation.invalidType` rather than leaking
 * zod's English.
 */
const known = new Set<string>(Object.values(errorKeys));

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const key = (known.has(issue.message) ? issue.message : errorKeys.invalidType) as ValidationKey;
    const params: Record<string, string | number> = {};
    if (issue.code === 'too_big') params.max = Number(issue.maximum);
    if (issue.code === 'too_small') params.min = Number(issue.minimum);
    return {
      path: issue.path.map(String).join('.'),
      key,
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
  });
}
