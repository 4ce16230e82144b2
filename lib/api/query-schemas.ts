// The parameters of every /api/v1 operation, as zod schemas that both parse the request and, through
// zod-openapi, become the parameters of the OpenAPI document: the document cannot state a limit the
// parser does not enforce, nor the parser refuse what the document allows. Query values arrive as text;
// the few parsers that turn text into numbers or booleans carry an `override` that documents the value
// as the integer or boolean the client sends. Limits are the report layer's own (lib/reports/params.ts).
import { z } from 'zod';
import 'zod-openapi';
import { booleanParam } from '@/lib/params/boolean';
import { DEFAULT_THRESHOLD_JPY, DEFAULT_WINDOW_YEARS, LIMITS, LISTED, LIST_CODE_PATTERN, SEVERITIES, STATUSES, TALENT_FIGURES } from '@/lib/reports/params';
import { RULE_CODE } from '@/lib/rules/schemas';
import { unsafeReason } from '@/lib/security/sanitise';

type JsonSchema = Record<string, unknown>;

/** Replaces what zod renders (a string with a pattern) by what the client sends (an integer, a boolean). */
const documentAs =
  (schema: JsonSchema) =>
  ({ jsonSchema }: { jsonSchema: JsonSchema }) => {
    for (const key of Object.keys(jsonSchema)) if (!['description', 'example'].includes(key)) delete jsonSchema[key];
    Object.assign(jsonSchema, schema);
  };

/**
 * Text the database will store or compare: no control characters (NUL included), no bidirectional
 * overrides, no U+FFFD (what a lone surrogate or broken UTF-8 in a URL decodes to). Stated as a pattern
 * so the document says it; the project's sanitiser (lib/security/sanitise.ts) checks the same again.
 */
export const SAFE_TEXT = /^[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFFFD]*$/;

export const MAX_SAFE_DIGITS = 15;

function integer(min: number, max: number, byDefault?: number) {
  const message = `must be an integer from ${min} to ${max}`;
  return z
    .string()
    .regex(/^-?\d{1,16}$/, { error: message })
    .transform(Number)
    .pipe(z.number().int().min(min, { error: message }).max(max, { error: message }))
    .meta({ override: documentAs({ type: 'integer', minimum: min, maximum: max, ...(byDefault === undefined ? {} : { default: byDefault }) }) });
}

const boolean = booleanParam.meta({ override: documentAs({ type: 'boolean' }) });

const uuid = z.uuid({ error: 'must be a UUID' });
const code = z.string().regex(LIST_CODE_PATTERN, { error: 'must be a watchlist code (lower-case letters, digits, “.”, “_”, “-”; at most 100)' });

const THRESHOLD_MAX = 10 ** LIMITS.thresholdDigits - 1;

/** Scope and year: every report and list. */
export const scopeParams = {
  fiscalYear: integer(LIMITS.fiscalYear.min, LIMITS.fiscalYear.max)
    .optional()
    .meta({ description: 'Fiscal year of the disclosure cycles (Japan: April–March). Default: the newest year with disclosures in scope; see /api/v1/fiscal-years.', example: 2026 }),
  institutionId: z
    .array(uuid)
    .max(LIMITS.institutions, { error: `at most ${LIMITS.institutions} institutions` })
    .optional()
    .meta({
      description: `Narrow the scope to these institutions (repeat the parameter, at most ${LIMITS.institutions}). Ids outside your scope select nothing. Default: every institution in scope.`,
      example: ['7a3e7c0e-4d5f-4f7b-9a51-0b8f2a6f1c11'],
      param: { style: 'form', explode: true },
    }),
  publication: boolean.optional().meta({
    description: 'true: the publication variant — no researcher names or e-Rad numbers, counts below the configured minimum withheld (null). false or absent: the variant for oversight. Only the words true and false are accepted.',
    example: false,
  }),
};

/** The talent-grants report's own parameters (also accepted by the list, to select a figure's records). */
export const talentParams = {
  threshold: z
    .string()
    .regex(new RegExp(`^\\d{1,${LIMITS.thresholdDigits}}$`), { error: `must be a whole number of yen from 0 to ${THRESHOLD_MAX} (digits only)` })
    .transform((v) => BigInt(v))
    .meta({ override: documentAs({ type: 'integer', minimum: 0, maximum: THRESHOLD_MAX, default: Number(DEFAULT_THRESHOLD_JPY) }) })
    .optional()
    .meta({ description: `Yen, digits only: domestic grants must total more than this. Default ${DEFAULT_THRESHOLD_JPY}.`, example: 100000000 }),
  window: integer(LIMITS.window.min, LIMITS.window.max, DEFAULT_WINDOW_YEARS)
    .optional()
    .meta({ description: `Fiscal years of grants counted, ending with fiscalYear. Default ${DEFAULT_WINDOW_YEARS}.`, example: 10 }),
  group: code.optional().meta({ description: 'Code of the GROUP watchlist (a list of institutions). Default: the setting reports.groupWatchlist (the SASTIND sample).', example: 'cn-sastind-seven-sons' }),
};

/** The keys of a report figure: they select the records behind it. */
export const figureParams = {
  status: z.enum(STATUSES, { error: `must be one of ${STATUSES.join(', ')}` }).optional().meta({ description: 'Workflow status of the disclosure. Drafts are never listed: they belong to the researcher until submitted.', example: 'SUBMITTED' }),
  severity: z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` }).optional().meta({ description: 'Highest severity among current findings; NONE: submitted without findings.', example: 'FLAG' }),
  institution: uuid.optional().meta({ description: 'One institution (the records of one row of a breakdown).', example: '7a3e7c0e-4d5f-4f7b-9a51-0b8f2a6f1c11' }),
  country: z.string().regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code in capitals' }).optional().meta({ description: 'Names an organisation in this country (ISO 3166-1 alpha-2).', example: 'CN' }),
  programme: z
    .string()
    .min(1, { error: 'must not be empty' })
    .max(LIMITS.programme, { error: `at most ${LIMITS.programme} characters` })
    .regex(SAFE_TEXT, { error: 'must not contain control or bidirectional-override characters' })
    .refine((v) => unsafeReason(v) === null, { error: 'must not contain control or bidirectional-override characters' })
    .optional()
    .meta({ description: 'Names this talent programme (its normalised name, as the report shows it).', example: 'thousand talents plan' }),
  rule: z
    .string()
    .max(LIMITS.rule, { error: `at most ${LIMITS.rule} characters` })
    .regex(RULE_CODE, { error: 'must be a rule code (lower-case letters, digits and “-”)' })
    .optional()
    .meta({ description: 'Has a current finding of this rule (its code).', example: 'foreign-talent-programme' }),
  flagged: boolean.optional().meta({ description: 'true: escalated (FLAGGED) or with a finding of severity FLAG. false or absent: no filter.', example: true }),
  submitted: boolean.optional().meta({ description: 'true: submitted at least once. false or absent: no filter (it does not select the unsubmitted).', example: true }),
  talent: z
    .enum(TALENT_FIGURES, { error: `must be one of ${TALENT_FIGURES.join(', ')}` })
    .optional()
    .meta({ description: 'any: in a foreign talent programme; grants: … with domestic grants above threshold in window; group: … at an institution of the group list; watchlist: … naming an organisation matched to a watchlist.', example: 'grants' }),
  entry: uuid.optional().meta({
    description: 'At this institution (entry) of the group list: an appointment or programme sponsor matched to it. Combines with every other key (e.g. entry and watchlist: at Beihang and on the METI End User List); with talent=group it picks one entry of that figure.',
    example: '0f6f3c3e-2b8a-4a4e-9c1d-5e2a7b9c0d12',
  }),
  watchlist: code.optional().meta({
    description: 'Names an organisation matched (pending or confirmed) to this watchlist, by code. Combines with every other key; with talent=watchlist it picks one list of that figure.',
    example: 'jp-meti-end-user-list',
  }),
  listed: z
    .enum(LISTED, { error: `must be one of ${LISTED.join(', ')}` })
    .optional()
    .meta({
      description: 'For watchlist and talent=watchlist: now (default) — the entry is listed now; then — the entry was listed at some time during fiscalYear (Japan: April–March), even if removed since, and an entry first listed after that year does not count.',
      example: 'then',
    }),
};

export const CURSOR_PATTERN = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/;
export const PAGE_LIMIT = { max: 500, default: 100 } as const;

export const pageParams = {
  cursor: z
    .string()
    .regex(CURSOR_PATTERN, { error: 'is not a cursor of this API' })
    .optional()
    .meta({ description: 'nextCursor of the previous page, unchanged. A cursor is valid only with the same query (limit aside) and the same token; anything else is refused with 400.' }),
  limit: integer(1, PAGE_LIMIT.max, PAGE_LIMIT.default)
    .optional()
    .meta({ description: `Rows per page. Default ${PAGE_LIMIT.default}.`, example: 100 }),
};

/**
 * The record list has no publication variant: one row per disclosure would let a reader recount the
 * small counts the report withholds. Publication output is aggregates only (reports/talent-grants).
 */
const NO_PUBLICATION_RECORDS = 'the record list has no publication variant (publication output is aggregates only: see reports/talent-grants)';
const recordsPublication = boolean
  .optional()
  .refine((v): boolean => v !== true, { error: NO_PUBLICATION_RECORDS })
  .meta({ description: `Only false (or absent): ${NO_PUBLICATION_RECORDS}.`, example: false });

export const listDisclosuresQuery = z.strictObject({ ...scopeParams, publication: recordsPublication, ...figureParams, ...talentParams, ...pageParams });
export const talentGrantsQuery = z.strictObject({ ...scopeParams, ...talentParams });
export const noQuery = z.strictObject({});
export const disclosurePath = z.strictObject({
  id: uuid.meta({ description: 'The disclosure id', example: '3d9c1a52-8c1e-4b7e-a0b4-6d2f0e9a7c35' }),
});

/** Parameters that may be repeated; any other repeated parameter is an error. */
export const REPEATABLE = new Set(['institutionId']);
