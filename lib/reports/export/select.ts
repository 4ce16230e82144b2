// The SELECT an export copies out: the record list's own columns and order, with values shaped for files
// (times as ISO 8601 in Japan time; in CSV, text that a spreadsheet would run as a formula is prefixed
// with an apostrophe, from the same list of characters as the CSV writer, lib/csv/write.ts).
import 'server-only';
import { FORMULA_START } from '@/lib/csv/write';
import { BASE_FROM } from '../predicates';
import type { RecordColumn, RecordQuery } from '../records';
import { type Sql, join, raw, sql, toInline } from '../sql';

export type FileFormat = 'csv' | 'xlsx';

function shaped(c: RecordColumn, format: FileFormat): Sql {
  if (c.type === 'datetime') return sql`to_char(${c.expr} AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD"T"HH24:MI:SS"+09:00"')`;
  if (c.type === 'text' && format === 'csv') {
    return sql`(SELECT CASE WHEN left(x, 1) = ANY(${[...FORMULA_START]}::text[]) THEN '''' || x ELSE x END FROM (SELECT ${c.expr} AS x) s)`;
  }
  return c.expr;
}

export function exportSelect(q: RecordQuery, format: FileFormat): Sql {
  const cols = join(q.columns.map((c) => sql`${shaped(c, format)} AS "${raw(c.key)}"`));
  return sql`SELECT ${cols} FROM ${BASE_FROM} WHERE ${q.where} ORDER BY d."researcherName", d.id`;
}

/** COPY (SELECT …) TO STDOUT as CSV, the values inlined (COPY takes no parameters). */
export function copyStatement(q: RecordQuery, format: FileFormat): string {
  return `COPY (${toInline(exportSelect(q, format))}) TO STDOUT WITH (FORMAT csv)`;
}
