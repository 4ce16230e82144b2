// The one parser of a boolean URL parameter, for the API and the pages alike. Only `true` and `false`
// are booleans: `True`, `1`, `on`, `yes` or an empty value are refused, never read as false — a
// `publication=True` read as false would show researchers' names. (A boolean passed in-process, as the
// export tasks do, is taken as it is.)
import { z } from 'zod';

export const BOOLEAN_VALUES = ['true', 'false'] as const;

export const booleanParam = z
  .preprocess((v) => (typeof v === 'boolean' ? String(v) : v), z.enum(BOOLEAN_VALUES, { error: 'must be true or false' }))
  .transform((v) => v === 'true');

/** A page's boolean search parameter: absent is false; `true`/`false`; anything else null (the page answers 404). */
export function readBooleanParam(value: string | string[] | undefined): boolean | null {
  if (value === undefined) return false;
  const parsed = booleanParam.safeParse(value);
  return parsed.success ? parsed.data : null;
}
