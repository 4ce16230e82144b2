// One zod schema per rules form, used by react-hook-form in the browser and parsed again by the
// server action. Messages are catalog keys (rules.errors.*). The expression itself is checked by CEL
// (cel-env.ts), in the browser for quick feedback and again on the server, which also knows the lists.
import { z } from 'zod';
import { UNSAFE_TEXT_KEY, inspectInput, safeString } from '@/lib/security/sanitise';
import { FOR_EACH_VALUES } from './view-schema';

const text = (max: number) => safeString().trim().min(1, 'rules.errors.required').max(max, 'rules.errors.tooLong');
const optionalText = (max: number) => safeString().trim().max(max, 'rules.errors.tooLong');
const id = z.uuid('rules.errors.invalidReference');

export const SEVERITIES = ['INFO', 'REVIEW', 'FLAG'] as const;
export const RULE_CODE = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** The JSON object typed as Rule.params (empty text: none), or null when it is not one. */
function decodeParams(textValue: string): Record<string, unknown> | null {
  const t = textValue.trim();
  if (!t) return {};
  try {
    const v: unknown = JSON.parse(t);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Rule.params as typed in the form: a JSON object (or empty for none), else null. Its text was behind
 * JSON escapes when the input gate saw it ("\u0000", "\u202e"), so the decoded object goes through the same
 * gate: null when it holds text PostgreSQL cannot store, bidi controls dropped otherwise.
 */
export function parseParams(textValue: string): Record<string, unknown> | null {
  const decoded = decodeParams(textValue);
  if (!decoded) return null;
  const inspected = inspectInput(decoded);
  return inspected.ok ? (inspected.value as Record<string, unknown>) : null;
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
    .refine((v) => decodeParams(v) !== null, 'rules.errors.paramsJson')
    .refine((v) => decodeParams(v) === null || parseParams(v) !== null, UNSAFE_TEXT_KEY),
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
