// One zod schema per rules form, used by react-hook-form in the browser and parsed again by the
// server action. Messages are catalog keys (rules.errors.*). The expression itself is checked by CEL
// (cel-env.ts), in the browser for quick feedback and again on the server, which also knows the lists.
import { z } from 'zod';
import { safeString } from '@/lib/security/sanitise';
import { FOR_EACH_VALUES } from './view-schema';

const text = (max: number) => safeString().trim().min(1, 'rules.errors.required').max(max, 'rules.errors.tooLong');
const optionalText = (max: number) => safeString().trim().max(max, 'rules.errors.tooLong');
const id = z.uuid('rules.errors.invalidReference');

export const SEVERITIES = ['INFO', 'REVIEW', 'FLAG'] as const;
export const RULE_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** Rule.params as typed in the form: a JSON object (or empty for none). */
export function parseParams(textValue: string): Record<string, unknown> | null {
  const t = textValue.trim();
  if (!t) return {};
  try {
    const v: unknown = JSON.parse(t);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

export const ruleSchema = z.object({
  versionId: id,
  ruleId: id.optional(),
  code: z.string().trim().regex(RULE_CODE, 'rules.errors.code'),
  titleJa: text(200),
  titleEn: text(200),
  forEach: z.union([z.literal(''), z.enum(FOR_EACH_VALUES, 'rules.errors.invalidOption')]),
  expression: z.string().min(1, 'rules.errors.required').max(4000, 'rules.errors.tooLong'),
  severity: z.enum(SEVERITIES, 'rules.errors.invalidOption'),
  messageJa: text(2000),
  messageEn: text(2000),
  // Both languages are asked for; one is enough to save (readers of the other see it, marked as such).
  citationJa: optionalText(1000),
  citationEn: optionalText(1000),
  params: z
    .string()
    .max(4000, 'rules.errors.tooLong')
    .refine((v) => parseParams(v) !== null, 'rules.errors.paramsJson'),
}).superRefine((v, ctx) => {
  if (v.citationJa || v.citationEn) return;
  // On both fields, so each says what is missing next to itself.
  for (const path of ['citationJa', 'citationEn']) ctx.addIssue({ code: 'custom', path: [path], message: 'rules.errors.citationRequired' });
});
export type RuleInput = z.input<typeof ruleSchema>;

export const rulesetSchema = z.object({
  code: z.string().trim().regex(RULE_CODE, 'rules.errors.code'),
  nameJa: text(200),
  nameEn: text(200),
});
export type RulesetInput = z.input<typeof rulesetSchema>;

export const createDraftSchema = z.object({ rulesetId: id, note: z.string().trim().max(500, 'rules.errors.tooLong').optional() });
export const versionIdSchema = z.object({ versionId: id });
export const ruleIdSchema = z.object({ ruleId: id });

/** effectiveFrom as a datetime-local value in Japan time ("2027-04-01T00:00"), or empty for now. */
export const activateSchema = z.object({
  versionId: id,
  effectiveFrom: z
    .string()
    .trim()
    .refine((v) => v === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v), 'rules.errors.dateTime')
    .optional(),
});

export const dryRunSchema = z.object({ versionId: id, cycleCode: z.string().trim().min(1, 'rules.errors.required').max(40, 'rules.errors.tooLong') });
export const dryRunStatusSchema = z.object({ taskId: id });
