// A small SQL builder for the reports. One fragment can run two ways: with bind parameters (pages,
// the API) or with its values inlined as escaped literals (COPY … TO STDOUT, which takes no
// parameters). Both come from the same fragment, so a figure, its record list and its export can
// never disagree about which rows they mean.
import 'server-only';

export type SqlValue = string | number | bigint | boolean | null | Date | readonly string[];

export class Sql {
  constructor(
    readonly strings: readonly string[],
    readonly values: readonly SqlValue[],
  ) {}
}

/** Tagged template: values become parameters; nested Sql fragments are spliced in. */
export function sql(strings: TemplateStringsArray, ...values: (SqlValue | Sql)[]): Sql {
  const outStrings: string[] = [strings[0] ?? ''];
  const outValues: SqlValue[] = [];
  values.forEach((value, i) => {
    const next = strings[i + 1] ?? '';
    if (value instanceof Sql) {
      outStrings[outStrings.length - 1] += value.strings[0] ?? '';
      value.values.forEach((v, j) => {
        outValues.push(v);
        outStrings.push(value.strings[j + 1] ?? '');
      });
      outStrings[outStrings.length - 1] += next;
    } else {
      outValues.push(value);
      outStrings.push(next);
    }
  });
  return new Sql(outStrings, outValues);
}

/** Trusted SQL text (identifiers, keywords): never user input. */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

export const empty = raw('');

export function join(items: readonly Sql[], separator = ', '): Sql {
  if (items.length === 0) return empty;
  return items.slice(1).reduce((acc, item) => sql`${acc}${raw(separator)}${item}`, items[0]!);
}

/** `a AND b AND …`, or TRUE for none. */
export function and(items: readonly (Sql | null | undefined | false)[]): Sql {
  const present = items.filter((i): i is Sql => i instanceof Sql);
  return present.length ? sql`(${join(present, ') AND (')})` : raw('TRUE');
}

export function toParams(s: Sql): { text: string; values: unknown[] } {
  let text = s.strings[0] ?? '';
  s.values.forEach((_, i) => {
    text += `$${i + 1}${s.strings[i + 1] ?? ''}`;
  });
  return { text, values: s.values.map((v) => (typeof v === 'bigint' ? v.toString() : v)) };
}

/** A value as a SQL literal. Callers cast where the type matters (`${ids}::uuid[]`). */
export function literal(value: SqlValue): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('Only finite numbers can be inlined');
    return String(value);
  }
  if (value instanceof Date) return quote(value.toISOString());
  if (Array.isArray(value)) return `ARRAY[${value.map((v) => quote(String(v))).join(',')}]`;
  return quote(value as string);
}

function quote(text: string): string {
  if (text.includes('\0')) throw new RangeError('NUL cannot appear in SQL text');
  const body = text.replace(/'/g, "''");
  // E'' keeps backslashes literal whatever standard_conforming_strings says.
  return text.includes('\\') ? ` E'${body.replace(/\\/g, '\\\\')}'` : `'${body}'`;
}

export function toInline(s: Sql): string {
  let text = s.strings[0] ?? '';
  s.values.forEach((v, i) => {
    text += literal(v) + (s.strings[i + 1] ?? '');
  });
  return text;
}
