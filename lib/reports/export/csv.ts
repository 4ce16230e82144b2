// Streamed CSV of a record list: PostgreSQL writes the rows itself (COPY (SELECT …) TO STDOUT, CSV
// quoting by the server) and the chunks pass through as they arrive, so memory stays flat however many
// rows there are. Before them: a UTF-8 BOM (Excel then reads UTF-8) and a header row of translated
// column names; after them: the footer as comment lines starting with "# ". Lines end with LF, as COPY's
// do; header and footer go through the one CSV writer (lib/csv/write.ts).
import 'server-only';
import { CSV_BOM, csvComment, csvLine } from '@/lib/csv/write';
import { to as copyTo } from 'pg-copy-streams';
import { reportsPool } from '../pg';
import type { RecordQuery } from '../records';
import { type ExportFooter, type ReportsTranslator, footerLines } from './footer';
import { copyStatement } from './select';

export function columnLabels(q: RecordQuery, t: ReportsTranslator): string[] {
  return q.columns.map((c) => t(`columns.${c.key}`));
}

export interface StreamOptions {
  footer: ExportFooter;
  t: ReportsTranslator;
  filterText: string;
  /** Rows copied so far (not exact mid-row; for progress bars). */
  onProgress?: (approxRows: number) => Promise<void> | void;
}

/**
 * Yields the file's bytes. `result.rows` is the exact row count once the generator has finished (from
 * COPY's own command tag). A consumer that stops early destroys the connection rather than returning
 * it mid-COPY.
 */
export async function* recordsCsv(q: RecordQuery, o: StreamOptions, result: { rows: number }): AsyncGenerator<Buffer> {
  yield Buffer.from(CSV_BOM + csvLine(columnLabels(q, o.t), '\n'), 'utf8');
  const client = await reportsPool().connect();
  let done = false;
  try {
    const stream = client.query(copyTo(copyStatement(q, 'csv')));
    let approx = 0;
    let nextReport = 5_000;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (o.onProgress) {
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) approx++;
        if (approx >= nextReport) {
          nextReport = approx + 5_000;
          await o.onProgress(approx);
        }
      }
      yield chunk;
    }
    result.rows = stream.rowCount;
    done = true;
  } finally {
    client.release(done ? undefined : new Error('export stopped before the end'));
  }
  const lines = footerLines(o.footer, { rows: result.rows, filter: o.filterText });
  yield Buffer.from(lines.map((l) => csvComment(l, '\n')).join(''), 'utf8');
}
