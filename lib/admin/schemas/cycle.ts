import { z } from 'zod';
import { isLocalDateTime } from '@/lib/security/url-params';
import { requiredText, uuid } from './common';

// Dates are entered as local date-times in Japan time (datetime-local inputs, "YYYY-MM-DDTHH:mm"); the
// same format compares correctly as text, so the order checks below need no conversion.
export const localDateTime = z.string().refine(isLocalDateTime, 'admin.errors.dateTimeFormat');

const isoCurrencies = new Set(typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : []);

export const rateSchema = z.object({
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'admin.errors.currencyFormat')
    .refine((c) => !/^[A-Z]{3}$/.test(c) || isoCurrencies.size === 0 || isoCurrencies.has(c), 'admin.errors.currencyUnknown')
    .refine((c) => c !== 'JPY', 'admin.errors.currencyJpy'),
  jpyPerUnit: z
    .string()
    .trim()
    .regex(/^\d{1,12}(\.\d{1,8})?$/, 'admin.errors.rateFormat')
    .refine((v) => !/^\d{1,12}(\.\d{1,8})?$/.test(v) || /[1-9]/.test(v), 'admin.errors.ratePositive'),
});

/** "14, 7, 1" → [14, 7, 1]: days before the filing deadline, each 1–365, no repeats. */
export function parseReminderDays(text: string): number[] | null {
  const parts = text.split(/[,、\s]+/).filter(Boolean);
  if (parts.length > 10) return null;
  const days = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  if (days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) return null;
  if (new Set(days).size !== days.length) return null;
  return days.sort((a, b) => b - a);
}

const fields = {
  institutionId: uuid,
  code: z
    .string()
    .trim()
    .min(1, 'admin.errors.required')
    .max(32, 'admin.errors.tooLong')
    .regex(/^[A-Za-z0-9_-]+$/, 'admin.errors.codeFormat'),
  fiscalYear: z.number('admin.errors.fiscalYear').int('admin.errors.fiscalYear').min(2000, 'admin.errors.fiscalYear').max(2100, 'admin.errors.fiscalYear'),
  titleJa: requiredText(200),
  titleEn: requiredText(200),
  opensAt: localDateTime,
  filingDeadline: localDateTime,
  reviewDeadline: localDateTime,
  attestationJa: requiredText(5000),
  attestationEn: requiredText(5000),
  rates: z.array(rateSchema).max(60, 'admin.errors.tooMany'),
  reminderDays: z.string().max(100, 'admin.errors.tooLong').refine((v) => parseReminderDays(v) !== null, 'admin.errors.reminderDays'),
};

type CycleFields = z.infer<z.ZodObject<typeof fields>>;

function checkCycle(v: CycleFields, ctx: z.core.$RefinementCtx<CycleFields>) {
  if (v.opensAt && v.filingDeadline && !(v.opensAt < v.filingDeadline))
    ctx.addIssue({ code: 'custom', path: ['filingDeadline'], message: 'admin.errors.filingBeforeOpening' });
  if (v.filingDeadline && v.reviewDeadline && v.reviewDeadline < v.filingDeadline)
    ctx.addIssue({ code: 'custom', path: ['reviewDeadline'], message: 'admin.errors.reviewBeforeFiling' });
  const seen = new Set<string>();
  v.rates.forEach((r, i) => {
    if (seen.has(r.currency)) ctx.addIssue({ code: 'custom', path: ['rates', i, 'currency'], message: 'admin.errors.currencyDuplicate' });
    seen.add(r.currency);
  });
}

export const cycleCreateSchema = z.object(fields).superRefine(checkCycle);
export type CycleInput = z.input<typeof cycleCreateSchema>;

export const cycleUpdateSchema = z.object({ ...fields, id: uuid }).superRefine(checkCycle);
export type CycleUpdateInput = z.input<typeof cycleUpdateSchema>;

export const cycleStatusSchema = z.object({ id: uuid, to: z.enum(['OPEN', 'CLOSED']) });
export type CycleStatusInput = z.input<typeof cycleStatusSchema>;
