// Streamed XLSX of a record list: rows come from the same COPY as the CSV (parsed as they arrive) and go
// into exceljs's streaming WorkbookWriter, each row committed (written out) at once, so memory stays
// flat. Past Excel's 1,048,576 rows a sheet, the rows continue on further sheets. The footer is the
// last sheet ("About this file") and the print footer of the others.
import 'server-only';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { to as copyTo } from 'pg-copy-streams';
import { reportsPool } from '../pg';
import type { ColumnType, RecordQuery } from '../records';
import { columnLabels } from './csv';
import { footerLines } from './footer';
import type { StreamOptions } from './csv';
import { copyStatement } from './select';
import type { ReportTable } from './tables';

const WIDTH: Record<ColumnType, number> = { text: 28, int: 10, amount: 18, datetime: 20 };

/** "2026-04-01T09:30:00+09:00" → a Date whose UTC fields are that Japan wall-clock time (Excel has no zones). */
function wallClock(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(iso);
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : null;
}

function cell(type: ColumnType, v: string): string | number | Date | null {
  if (v === '') return null;
  if (type === 'int') return Number(v);
  if (type === 'amount') return Number.isSafeInteger(Number(v)) ? Number(v) : v;
  if (type === 'datetime') return wallClock(v);
  return v;
}

/** Excel's header/footer codes start with "&": a literal one is written "&&". */
const printable = (s: string) => s.replace(/&/g, '&&');

function newWorkbook(out: Writable) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Kaiji';
  wb.created = new Date();
  return wb;
}

function addAboutSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, title: string, lines: string[]): void {
  const about = wb.addWorksheet(title);
  about.getColumn(1).width = 120;
  for (const line of lines) about.addRow([line]).commit();
  about.commit();
}

/** Excel's limit: rows per worksheet, the header included. */
export const XLSX_SHEET_ROWS = 1_048_576;

/**
 * The record list as XLSX. A worksheet holds at most 1,048,576 rows, so a longer list continues on
 * "Records (2)", "Records (3)", … each with the header row again; the about sheet says how the rows are
 * split. (`sheetRows` lowers the limit for tests.)
 */
export async function writeRecordsXlsx(
  q: RecordQuery,
  o: StreamOptions & { sheetRows?: number },
  out: Writable,
  result: { rows: number },
): Promise<void> {
  const wb = newWorkbook(out);
  const perSheet = (o.sheetRows ?? XLSX_SHEET_ROWS) - 1;
  const labels = columnLabels(q, o.t);
  const title = o.t('files.recordsSheet');
  const sheets: { name: string; rows: number }[] = [];
  const addSheet = () => {
    const name = sheets.length === 0 ? title : `${title} (${sheets.length + 1})`;
    const sheet = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = q.columns.map((c, i) => ({
      header: labels[i],
      key: c.key,
      width: WIDTH[c.type],
      style: c.type === 'datetime' ? { numFmt: 'yyyy-mm-dd hh:mm:ss' } : c.type === 'amount' ? { numFmt: '#,##0' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.headerFooter.oddFooter = `&L${printable(footerLines(o.footer, {})[0]!)}&R&P / &N`;
    sheets.push({ name, rows: 0 });
    return sheet;
  };
  let sheet = addSheet();

  const client = await reportsPool().connect();
  let done = false;
  let rows = 0;
  try {
    const copy = client.query(copyTo(copyStatement(q, 'xlsx')));
    const parser = copy.pipe(parse({ bom: false, relax_quotes: false }));
    for await (const record of parser as AsyncIterable<string[]>) {
      if (sheets.at(-1)!.rows === perSheet) {
        sheet.commit();
        sheet = addSheet();
      }
      sheet.addRow(q.columns.map((c, i) => cell(c.type, record[i] ?? ''))).commit();
      sheets.at(-1)!.rows++;
      rows++;
      if (rows % 5_000 === 0) {
        await o.onProgress?.(rows);
        // The consumer is slower than the database: wait for it instead of buffering the file.
        if (out.writableNeedDrain) await once(out, 'drain');
      }
    }
    done = true;
  } finally {
    client.release(done ? undefined : new Error('export stopped before the end'));
  }
  result.rows = rows;
  sheet.commit();
  const split = sheets.length > 1 ? [o.t('files.sheetsSplit', { sheets: sheets.map((x) => `${x.name}: ${x.rows}`).join('; '), limit: perSheet + 1 })] : [];
  addAboutSheet(wb, o.t('files.aboutSheet'), [...footerLines(o.footer, { rows, filter: o.filterText }), ...split]);
  await wb.commit();
}

/** A report's tables, one sheet each, and the about sheet. Small: written in one go. */
export async function writeReportXlsx(tables: ReportTable[], o: Omit<StreamOptions, 'onProgress'>, out: Writable): Promise<void> {
  const wb = newWorkbook(out);
  const used = new Set<string>();
  for (const table of tables) {
    // Sheet names: at most 31 characters, unique, none of []:*?/\
    let name = table.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
    for (let n = 2; used.has(name); n++) name = `${table.title.slice(0, 27)} (${n})`;
    used.add(name);
    const sheet = wb.addWorksheet(name);
    sheet.columns = table.columns.map((c) => ({ header: c.label, key: c.key, width: c.type === 'text' ? 40 : 16, style: c.type === 'amount' ? { numFmt: '#,##0' } : {} }));
    sheet.getRow(1).font = { bold: true };
    sheet.headerFooter.oddFooter = `&L${printable(footerLines(o.footer, {})[0]!)}&R&P / &N`;
    for (const row of table.rows) {
      sheet.addRow(row.map((v) => (typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v === null ? null : typeof v === 'object' ? `< ${v.suppressedBelow}` : v))).commit();
    }
    sheet.commit();
  }
  addAboutSheet(wb, o.t('files.aboutSheet'), footerLines(o.footer, { filter: o.filterText }));
  await wb.commit();
}
