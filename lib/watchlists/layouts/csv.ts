import 'server-only';
import { parse } from 'csv-parse/sync';
import type { RejectedRow } from './types';

export interface CsvRow {
  /** Line of the file on which the record starts (1-based). */
  line: number;
  cells: string[];
}

/**
 * Reads CSV text into rows with their line numbers. Line endings are unified first (the METI copy
 * uses CRLF); a byte-order mark and `#` comment lines at the very top (sample files say what they
 * are there) are skipped; a record the parser cannot read is rejected with the parser's reason
 * instead of failing the whole file.
 */
export function readCsv(text: string): { rows: CsvRow[]; rejected: RejectedRow[] } {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length && /^\s*(#.*)?$/.test(lines[i] ?? ''); i++) lines[i] = '';
  const rejected: RejectedRow[] = [];
  const records = parse(lines.join('\n'), {
    info: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      rejected.push({ line: Number((err as { lines?: unknown } | undefined)?.lines ?? 0), reason: `unreadable CSV: ${err?.message ?? 'unknown error'}` });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const rows = records.map(({ record, info }) => {
    const innerBreaks = record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    return { line: info.lines - innerBreaks, cells: record };
  });
  return { rows, rejected };
}

/** True for a row whose cells are all blank (",,,"): skipped like an empty line. */
export function isBlankRow(row: CsvRow): boolean {
  return row.cells.every((c) => c.trim() === '');
}

/** Header cells as keys: lower-case, trimmed, inner whitespace collapsed. */
export function headerKeys(cells: string[]): string[] {
  return cells.map((c) => c.replace(/^\uFEFF/, '').replace(/\s+/g, ' ').trim().toLowerCase());
}
