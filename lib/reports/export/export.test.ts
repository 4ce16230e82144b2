import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '@/lib/errors';
import { sealedAuditHead } from '@/lib/audit/verify';
import { db } from '@/lib/db/client';
import { runTask } from '@/lib/jobs/tasks';
import { createUser } from '@/lib/seed/factories';
import { createSubmittedDisclosure } from '@/lib/seed/report-factories';
import { reportWorld, worldActors } from '@/test/helpers/report-world';
import { type ExportRequest, prepareExport, runExport } from './run';
import { storedFile } from './store';
import { recordFilterSchema } from '../params';
import { recordQuery } from '../records';
import { exportFooter, exportTranslator } from './footer';
import { queueExport } from './task';
import { writeRecordsXlsx } from './xlsx';

let w: Awaited<ReturnType<typeof reportWorld>>;
let actors: Awaited<ReturnType<typeof worldActors>>;

beforeAll(async () => {
  w = await reportWorld();
  actors = await worldActors(w);
});

function sink() {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _e, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  return { out, bytes: () => Buffer.concat(chunks) };
}

async function exportBytes(actor: typeof actors.national, request: ExportRequest) {
  const prepared = await prepareExport(actor, request);
  const s = sink();
  const rows = await runExport(actor, prepared, s.out);
  return { rows, bytes: s.bytes(), prepared };
}

function parseCsv(bytes: Buffer) {
  const text = bytes.toString('utf8');
  const records = parse(text, { bom: true, comment: '#', comment_no_infix: true, skip_empty_lines: true }) as string[][];
  const footer = text.split('\n').filter((l) => l.startsWith('# '));
  return { text, header: records[0]!, rows: records.slice(1), footer };
}

const records = (filter: Record<string, unknown>, format: 'csv' | 'xlsx' = 'csv', locale: 'en' | 'ja' = 'en'): ExportRequest => ({
  kind: 'records',
  format,
  filter: { fiscalYear: 2026, ...filter },
  locale,
});

describe('CSV export', () => {
  it('streams every record with a BOM, translated header, footer and an audit event with the row count', async () => {
    const head = await sealedAuditHead();
    const { rows, bytes } = await exportBytes(actors.national, records({}));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const csv = parseCsv(bytes);
    expect(rows).toBe(8); // the draft is its researcher's alone
    expect(csv.rows.length).toBe(8);
    expect(csv.header).toContain('Researcher');
    expect(csv.header).toContain('Last submitted (JST)');
    expect(csv.footer[0]).toMatch(new RegExp(`^# exported by ${actors.national.email} \\(.+\\), at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} JST, audit head ${head}$`));
    expect(csv.footer).toContain('# rows: 8');
    const event = await db.auditEvent.findFirst({ where: { action: 'report.export', actorId: actors.national.userId }, orderBy: { id: 'desc' } });
    expect(event?.details).toMatchObject({ report: 'records', format: 'csv', rows: 8, filter: { fiscalYear: 2026 } });
    // Times are Japan time with the offset.
    const at = csv.header.indexOf('Last submitted (JST)');
    const times = csv.rows.map((r) => r[at]).filter(Boolean);
    expect(times.length).toBe(8);
    for (const t of times) expect(t).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
  });

  it('keeps to the scope: an auditor of one institution exports only its rows', async () => {
    const { bytes } = await exportBytes(actors.auditorA, records({}));
    const csv = parseCsv(bytes);
    const inst = csv.header.indexOf('Institution ID');
    expect(csv.rows.length).toBe(5);
    expect(new Set(csv.rows.map((r) => r[inst]))).toEqual(new Set([w.a.id]));
    const other = parseCsv((await exportBytes(actors.auditorA, records({ institutionIds: [w.b.id] }))).bytes);
    expect(other.rows.length).toBe(0);
    await expect(prepareExport(actors.officerA, records({}))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('exports the records behind a talent figure with their grant totals, and leaves names out for publication', async () => {
    const above = parseCsv((await exportBytes(actors.national, records({ talent: 'grants' }))).bytes);
    const col = above.header.indexOf('Domestic grants in window (yen)');
    expect(above.rows.map((r) => r[col]).sort()).toEqual(['110000000', '767900000']);
    // The publication variant has no record list at all (aggregates only; test/security/publication.test.ts).
    await expect(prepareExport(actors.national, records({ publication: true }))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('defuses values a spreadsheet would run as formulas', async () => {
    await db.$transaction(async (tx) => {
      const u = await createUser(tx, { roles: [{ role: 'RESEARCHER', institutionId: w.a.id }] });
      await createSubmittedDisclosure(tx, { cycleId: w.cycleA.id, institutionId: w.a.id, researcherId: u.id, researcherName: '=HYPERLINK("http://x.test")' });
    });
    const csv = parseCsv((await exportBytes(actors.national, records({ institution: w.a.id }))).bytes);
    const name = csv.header.indexOf('Researcher');
    expect(csv.rows.map((r) => r[name])).toContain(`'=HYPERLINK("http://x.test")`);
  });
});

describe('XLSX export', () => {
  it('writes the records sheet and an about sheet with the footer, readable by exceljs', async () => {
    const { bytes, rows } = await exportBytes(actors.auditorA, records({}, 'xlsx', 'ja'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('対象記録');
    expect(sheet.actualRowCount).toBe(rows + 1);
    expect(sheet.getRow(1).values).toContain('研究者');
    const about = wb.worksheets[1]!;
    const text = about.getColumn(1).values.filter(Boolean).join('\n');
    expect(text).toContain(`exported by ${actors.auditorA.email}`);
    expect(text).toContain(`rows: ${rows}`);
  });

  it('continues past the rows a sheet holds on further sheets, each with the header, and says so', async () => {
    const q = await recordQuery(actors.national, { ...recordFilterSchema.parse({ fiscalYear: 2026 }), fiscalYear: 2026 });
    const s = sink();
    const result = { rows: 0 };
    // Three rows a sheet (the header and two records) instead of Excel's 1,048,576.
    await writeRecordsXlsx(q, { footer: await exportFooter(actors.national), t: exportTranslator('en'), filterText: 'test', sheetRows: 3 }, s.out, result);
    expect(result.rows).toBeGreaterThan(4);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(s.bytes() as unknown as ArrayBuffer);
    const sheets = wb.worksheets.slice(0, -1);
    expect(sheets.map((x) => x.name)).toEqual(Array.from({ length: Math.ceil(result.rows / 2) }, (_, i) => (i === 0 ? 'Records' : `Records (${i + 1})`)));
    expect(sheets.reduce((n, x) => n + x.actualRowCount - 1, 0)).toBe(result.rows);
    for (const x of sheets) expect(x.getRow(1).values).toEqual(sheets[0]!.getRow(1).values);
    // The same records in the same order as one unsplit file.
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.load((await exportBytes(actors.national, records({}, 'xlsx'))).bytes as unknown as ArrayBuffer);
    const body = (ws: ExcelJS.Worksheet[]) => ws.flatMap((x) => x.getSheetValues().slice(2).map((r) => JSON.stringify(r)));
    expect(body(sheets)).toEqual(body([whole.worksheets[0]!]));
    const about = wb.worksheets.at(-1)!.getColumn(1).values.filter(Boolean).join('\n');
    expect(about).toContain('at most 3 rows a sheet');
    expect(about).toContain(`Records (2): 2`);
  });

  it('writes a report as one sheet per table', async () => {
    const { bytes } = await exportBytes(actors.national, { kind: 'report', report: 'talent-grants', format: 'xlsx', filter: { fiscalYear: 2026 }, locale: 'en' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toContain('By the researcher’s institution');
    const summary = wb.worksheets[0]!;
    expect(summary.getRow(2).values).toEqual([undefined, 'Researchers in a foreign talent programme', 7]);
  });

  it('writes a report CSV in long form, suppressed cells as “<5”', async () => {
    const csv = parseCsv((await exportBytes(actors.national, { kind: 'report', report: 'talent-grants', format: 'csv', filter: { fiscalYear: 2026, publication: true }, locale: 'en' })).bytes);
    expect(csv.header).toEqual(['table', 'row', 'column', 'value']);
    expect(csv.rows).toContainEqual(['Talent programmes and domestic grants', 'Researchers in a foreign talent programme', 'Value', '7']);
    expect(csv.rows.some((r) => r[3] === '<5')).toBe(true);
    expect(csv.text).not.toContain('877900000');
  });
});

describe('background exports', () => {
  it('run as a task to SUCCEEDED with progress, store the file for download and audit it', async () => {
    const request = records({});
    const prepared = await prepareExport(actors.national, request);
    const taskId = await queueExport(actors.national, request, { ip: '10.0.0.9', userAgent: 'vitest' }, prepared.expectedRows);
    await runTask(taskId);
    const task = await db.backgroundTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(task).toMatchObject({ status: 'SUCCEEDED', kind: 'reports.export', progressTotal: 9, progressDone: 9 });
    expect(task.result).toMatchObject({ rows: 9 });
    const file = await storedFile(taskId);
    expect(file?.mediaType).toBe('text/csv; charset=utf-8');
    const s = sink();
    await file!.pipeTo(s.out);
    expect(s.bytes().length).toBe(file!.sizeBytes);
    expect(parseCsv(s.bytes()).rows.length).toBe(9);
    const event = await db.auditEvent.findFirst({ where: { action: 'report.export', entityId: taskId } });
    expect(event?.details).toMatchObject({ rows: 9, format: 'csv', report: 'records' });
    expect(event?.ip).toBe('10.0.0.9');
  });

  it('makes the PDF summary with Japanese text, charts and the footer', async () => {
    const request: ExportRequest = { kind: 'summary', format: 'pdf', filter: { fiscalYear: 2026 }, locale: 'ja' };
    const taskId = await queueExport(actors.national, request, { ip: null, userAgent: null }, null);
    await runTask(taskId);
    expect((await db.backgroundTask.findUniqueOrThrow({ where: { id: taskId } })).status).toBe('SUCCEEDED');
    const s = sink();
    const file = (await storedFile(taskId))!;
    await file.pipeTo(s.out);
    const pdf = s.bytes();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdf.toString('latin1');
    expect((text.match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(text).toMatch(/\/FontFile2/); // embedded (subset) TrueType glyphs for the Japanese text
    expect(file.fileName).toMatch(/^kaiji-summary-FY2026-\d{8}-\d{4}\.pdf$/);
  });

  it('fails a task whose requester lost the auditor role, writing no file', async () => {
    const u = await db.$transaction((tx) => createUser(tx, { roles: [{ role: 'AUDITOR', institutionId: w.a.id }] }));
    const { actorFor } = await import('@/test/helpers/actors');
    const auditor = await actorFor(u.id);
    const taskId = await queueExport(auditor, records({}), { ip: null, userAgent: null }, 1);
    await db.membership.deleteMany({ where: { userId: u.id } });
    await expect(runTask(taskId)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.exportFile.count({ where: { taskId } })).toBe(0);
  });
});
