// Building blocks of the section schemas. Every field is a pair: a lenient *draft* schema (right type,
// bounded size, any stage of typing: drafts autosave) and a *complete* schema (required, trimmed, formats
// and ranges checked) used at submit. Each item is defined once from its pairs, so the two cannot drift.
import { z } from 'zod';
import { currencyCodes } from '@/lib/money';
import { safeString } from '@/lib/security/sanitise';
import { countryCodes } from './countries';
import { errorKeys as e, type ValidationKey } from './errors';

export const limits = { short: 300, long: 4000, items: 100, attachments: 20, years: 20 } as const;

/** Missing (or NaN from an empty number input) is "required"; anything else of the wrong type is not. */
export function typeError(otherwise: ValidationKey = e.invalidType) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null || Number.isNaN(issue.input) ? e.required : otherwise;
}

export type FieldPair<D extends z.ZodType = z.ZodType, C extends z.ZodType = z.ZodType> = {
  readonly draft: D;
  readonly complete: C;
};

export function pair<D extends z.ZodType, C extends z.ZodType>(draft: D, complete: C): FieldPair<D, C> {
  return { draft, complete };
}

// ---- primitives -------------------------------------------------------------------------------------

export const uuid = () => z.uuid({ error: typeError(e.invalidReference) });

const anyText = (max: number) => safeString({ error: typeError() }).max(max, { error: e.tooLong });
export const trimmed = (max: number) => safeString({ error: typeError() }).trim().max(max, { error: e.tooLong });
export const requiredText = (max: number = limits.short) => trimmed(max).min(1, { error: e.required });

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

// "" is what an emptied date input sends: it means "no date", in drafts and for optional dates alike.
const dateOrEmpty = () =>
  z
    .string({ error: typeError(e.invalidDate) })
    .refine((s) => s === '' || isIsoDate(s), { error: e.invalidDate });

export const country = () => z.enum(countryCodes, { error: typeError(e.invalidCountry) });
export const currency = () => z.enum(currencyCodes, { error: typeError(e.invalidCurrency) });
export const bool = () => z.boolean({ error: typeError() });
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: typeError(e.invalidOption) });

const amountMinor = () =>
  z
    .number({ error: typeError(e.amountInvalid) })
    .min(0, { error: e.amountNegative })
    .max(Number.MAX_SAFE_INTEGER, { error: e.amountTooLarge })
    .refine(Number.isInteger, { error: e.amountInvalid });

const money = () =>
  z.object({ amountMinor: amountMinor(), currency: currency() }, { error: typeError() });

const draftMoney = () =>
  z.object({ amountMinor: amountMinor().optional(), currency: currency().optional() }, { error: typeError() });

const orgRef = () =>
  z.object(
    {
      entityId: uuid().optional(),
      name: requiredText(),
      nameLocal: trimmed(limits.short).optional(),
      country: country(),
    },
    { error: typeError() },
  );

/** `{ entityId?, name, nameLocal?, country }`: a registry entity when one was chosen, the typed name always. */
export type OrganisationRef = z.infer<ReturnType<typeof orgRef>>;

const draftOrgRef = () =>
  z.object(
    {
      entityId: uuid().optional(),
      name: anyText(limits.short).optional(),
      nameLocal: anyText(limits.short).optional(),
      country: country().optional(),
    },
    { error: typeError() },
  );

// ---- field pairs --------------------------------------------------------------------------------------

export const field = {
  text: () => pair(anyText(limits.short), requiredText()),
  optionalText: () => pair(anyText(limits.short), trimmed(limits.short).optional()),
  longText: () => pair(anyText(limits.long), requiredText(limits.long)),
  optionalLongText: () => pair(anyText(limits.long), trimmed(limits.long).optional()),
  date: () => pair(dateOrEmpty(), dateOrEmpty().min(1, { error: e.required })),
  optionalDate: () => pair(dateOrEmpty(), dateOrEmpty().optional()),
  country: () => pair(country(), country()),
  bool: () => pair(bool(), bool()),
  choice: <const T extends readonly [string, ...string[]]>(values: T) => pair(choice(values), choice(values)),
  optionalChoice: <const T extends readonly [string, ...string[]]>(values: T) =>
    pair(choice(values), choice(values).optional()),
  organisation: () => pair(draftOrgRef(), orgRef()),
  money: () => pair(draftMoney(), money()),
  optionalMoney: () => pair(draftMoney(), money().optional()),
  optionalUuid: () => pair(uuid(), uuid().optional()),
  uuidList: (max: number) => {
    const list = z.array(uuid(), { error: typeError() }).max(max, { error: e.tooManyItems });
    return pair(list, list);
  },
};

// ---- objects from pairs -----------------------------------------------------------------------------

type Spec = Record<string, FieldPair>;
type DraftShape<S extends Spec> = { [K in keyof S]: z.ZodOptional<S[K]['draft']> };
type CompleteShape<S extends Spec> = { [K in keyof S]: S[K]['complete'] };

function shapes<S extends Spec>(spec: S) {
  const draft: Record<string, z.ZodType> = {};
  const complete: Record<string, z.ZodType> = {};
  for (const [name, p] of Object.entries(spec)) {
    draft[name] = p.draft.optional();
    complete[name] = p.complete;
  }
  return { draft: draft as DraftShape<S>, complete: complete as CompleteShape<S> };
}

/** A flat group of fields (the profile): every field optional in the draft. */
export function defineFields<S extends Spec>(spec: S) {
  const { draft, complete } = shapes(spec);
  return {
    fields: Object.keys(spec) as Array<Extract<keyof S, string>>,
    draft: z.object(draft, { error: typeError() }),
    complete: z.object(complete, { error: typeError() }),
  };
}

// Cross-field checks run even while other fields are invalid, so a form shows every problem at once. They
// therefore read the value as a draft (anything may be missing) and must not trust types beyond that.
const whenObject = {
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
};

/**
 * A repeating item: an `id` (uuid made in the browser, stable across versions) plus its fields, and the
 * cross-field checks of the complete form.
 */
export function defineItem<S extends Spec>(
  spec: S,
  check?: (item: z.output<z.ZodObject<{ id: z.ZodUUID } & DraftShape<S>>>, ctx: z.RefinementCtx) => void,
) {
  const { draft, complete } = shapes(spec);
  const completeItem = z.object({ id: uuid(), ...complete }, { error: typeError() });
  return {
    fields: Object.keys(spec) as Array<Extract<keyof S, string>>,
    draft: z.object({ id: uuid(), ...draft }, { error: typeError() }),
    complete: check
      ? completeItem.superRefine((item, ctx) => check(item as Parameters<typeof check>[0], ctx), whenObject)
      : completeItem,
  };
}

/** Adds an issue at `path` (used by the cross-field refinements of complete items). */
export function report(ctx: z.RefinementCtx, path: PropertyKey[], key: ValidationKey): void {
  ctx.addIssue({ code: 'custom', message: key, path });
}

/** Absent or blank; a value of the wrong type is the field's own error, not "missing". */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Person-months are entered with at most one decimal (0.5 months, not 0.25). */
export function hasAtMostOneDecimal(value: number): boolean {
  return Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;
}

/** Person-months in a year: 0 to 12, one decimal (CPOS; also the appointments' time commitment). */
export function checkPersonMonths(ctx: z.RefinementCtx, path: PropertyKey[], value: number): void {
  if (value < 0 || value > 12) report(ctx, path, e.personMonthsRange);
  else if (!hasAtMostOneDecimal(value)) report(ctx, path, e.oneDecimal);
}

/** End on or after start, both ISO dates (which compare correctly as strings); silent while either is empty. */
export function checkDateOrder(ctx: z.RefinementCtx, start: unknown, end: unknown): void {
  if (isIsoDate(start) && isIsoDate(end) && end < start) report(ctx, ['endDate'], e.endBeforeStart);
}

/**
 * `{ nothingToDisclose, items }`. The draft accepts anything well-typed (defaults fill what is missing);
 * the complete form requires exactly one of "nothing to disclose" or at least one item.
 */
export function defineRepeatingSection<
  D extends z.ZodType<{ id: string }>,
  C extends z.ZodType<{ id: string }>,
>(item: { draft: D; complete: C }) {
  const items = <T extends z.ZodType>(schema: T) =>
    z.array(schema, { error: typeError() }).max(limits.items, { error: e.tooManyItems });
  return {
    draft: z
      .object(
        { nothingToDisclose: bool().default(false), items: items(item.draft).default([]) },
        { error: typeError() },
      )
      .superRefine((section, ctx) => checkUniqueIds(section.items, ctx)),
    complete: z
      .object({ nothingToDisclose: bool(), items: items(item.complete) }, { error: typeError() })
      .superRefine((section, ctx) => {
        if (!Array.isArray(section.items) || typeof section.nothingToDisclose !== 'boolean') return;
        checkUniqueIds(section.items, ctx);
        if (section.nothingToDisclose && section.items.length > 0) {
          report(ctx, ['nothingToDisclose'], e.nothingToDiscloseWithItems);
        } else if (!section.nothingToDisclose && section.items.length === 0) {
          report(ctx, ['nothingToDisclose'], e.sectionEmpty);
        }
      }, whenObject),
  };
}

function checkUniqueIds(items: readonly { id: string }[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (typeof item?.id !== 'string') return;
    if (seen.has(item.id)) report(ctx, ['items', index, 'id'], e.duplicateId);
    seen.add(item.id);
  });
}
