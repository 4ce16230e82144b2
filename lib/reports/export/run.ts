// Exports, one way for all of them: a request (what, which format, which filter) is prepared for an actor
// (authorisation through the same scope as the pages, the footer, the row count), then written into a
// stream — the HTTP response for small ones, an ExportFile for background ones — and audited with who,
// what filter and how many rows.
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { z } from 'zod';
import { recordAuditNow } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/roles';
import { isLocale } from '@/lib/i18n/config';
import { figurePart, filterQuery, filterToJson, recordFilterSchema, reportPart, type RecordFilter, type ReportParams } from '../params';
import { defaultFiscalYear } from '../institutions';
import { countRecords, recordQuery } from '../records';
import { CSV_BOM, csvComment, csvLine } from '@/lib/csv/write';
import { recordsCsv } from './csv';
import { exportFooter, exportTranslator, footerLines, type ExportFooter, type ReportsTranslator } from './footer';
import { summaryPdfInput } from './summary-input';
import { writeSummaryPdf } from './pdf/summary';
import { REPORT_KINDS, type ReportKind, reportTables, tidyRows } from './tables';
import { writeRecordsXlsx, writeReportXlsx } from './xlsx';

export { DIRECT_LIMIT } from './limits';

export const exportRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('records'), format: z.enum(['csv', 'xlsx']), filter: z.record(z.string(), z.unknown()), locale: z.enum(['ja', 'en']) }),
  z.object({ kind: z.literal('report'), report: z.enum(REPORT_KINDS), format: z.enum(['csv', 'xlsx']), filter: z.record(z.string(), z.unknown()), locale: z.enum(['ja', 'en']) }),
  z.object({ kind: z.literal('summary'), format: z.literal('pdf'), filter: z.record(z.string(), z.unknown()), locale: z.enum(['ja', 'en']) }),
]);
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const MEDIA = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export interface PreparedExport {
  request: ExportRequest;
  fileName: string;
  mediaType: string;
  /** Rows of a record list, counted before writing (progress total; direct or background). */
  expectedRows: number | null;
  footer: ExportFooter;
  auditDetails: { report: string; filter: Record<string, unknown>; format: string };
  /** Writes the whole file into `out` and ends it; resolves to the rows written. */
  write(out: Writable, onProgress?: (rows: number) => Promise<void> | void): Promise<number>;
}

async function writeAll(out: Writable, chunks: AsyncIterable<Buffer>): Promise<void> {
  for await (const chunk of chunks) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
}

const stamp = (f: ExportFooter) => f.atTokyo.slice(0, 16).replace(/[-: ]/g, '').replace(/^(\d{8})(\d{4})$/, '$1-$2');

async function resolveFilter(actor: Actor, json: Record<string, unknown>): Promise<RecordFilter & { fiscalYear: number }> {
  const filter = recordFilterSchema.parse(json);
  return { ...filter, fiscalYear: filter.fiscalYear ?? (await defaultFiscalYear(actor)) };
}

/** Authorises and prepares an export (throws NotFoundError when the actor may not report). */
export async function prepareExport(actor: Actor, request: ExportRequest): Promise<PreparedExport> {
  const locale = isLocale(request.locale) ? request.locale : 'ja';
  const t: ReportsTranslator = exportTranslator(locale);
  const filter = await resolveFilter(actor, request.filter);
  const footer = await exportFooter(actor);
  const filterText = filterQuery(filter);
  const base = { request, footer, auditDetails: { report: request.kind === 'report' ? request.report : request.kind, filter: filterToJson(filter), format: request.format } };

  if (request.kind === 'records') {
    // Publication output is aggregates only: one row per disclosure would let a reader recount the figures
    // the report withholds as "< minimum" (issue 12, item 9). The records page refuses it too.
    if (filter.publication) throw new NotFoundError('records:publication');
    const q = await recordQuery(actor, filter, { locale });
    const expectedRows = await countRecords(q);
    return {
      ...base,
      fileName: `kaiji-records-FY${filter.fiscalYear}-${stamp(footer)}.${request.format}`,
      mediaType: MEDIA[request.format],
      expectedRows,
      async write(out, onProgress) {
        const result = { rows: 0 };
        const o = { footer, t, filterText, onProgress };
        if (request.format === 'csv') await writeAll(out, recordsCsv(q, o, result));
        else await writeRecordsXlsx(q, o, out, result);
        return result.rows;
      },
    };
  }

  const params: ReportParams = reportPart(filter);
  if (request.kind === 'report') {
    const kind: ReportKind = request.report;
    return {
      ...base,
      fileName: `kaiji-${kind}-FY${filter.fiscalYear}${filter.publication ? '-publication' : ''}-${stamp(footer)}.${request.format}`,
      mediaType: MEDIA[request.format],
      expectedRows: null,
      async write(out) {
        const { talent: _talent, ...narrow } = figurePart(filter);
        void _talent;
        const { tables } = await reportTables(actor, kind, params, t, locale, narrow);
        if (request.format === 'xlsx') {
          await writeReportXlsx(tables, { footer, t, filterText }, out);
          return tables.reduce((n, tb) => n + tb.rows.length, 0);
        }
        const rows = tidyRows(tables);
        async function* csv() {
          yield Buffer.from(CSV_BOM + csvLine([t('files.tidy.table'), t('files.tidy.row'), t('files.tidy.column'), t('files.tidy.value')], '\n'), 'utf8');
          for (const r of rows) yield Buffer.from(csvLine(r, '\n'), 'utf8');
          yield Buffer.from(footerLines(footer, { rows: rows.length, filter: filterText }).map((l) => csvComment(l, '\n')).join(''), 'utf8');
        }
        await writeAll(out, csv());
        return rows.length;
      },
    };
  }

  return {
    ...base,
    fileName: `kaiji-summary-FY${filter.fiscalYear}${filter.publication ? '-publication' : ''}-${stamp(footer)}.pdf`,
    mediaType: MEDIA.pdf,
    expectedRows: null,
    async write(out) {
      const input = await summaryPdfInput(actor, params, t, locale, footer);
      await writeSummaryPdf(input.pdf, out);
      return input.rows;
    },
  };
}

export interface ExportOrigin {
  ip: string | null;
  userAgent: string | null;
}

/** Writes a prepared export and records `report.export` (or its failure) in the audit trail. */
export async function runExport(
  actor: Actor,
  prepared: PreparedExport,
  out: Writable,
  o: { origin?: ExportOrigin; taskId?: string; onProgress?: (rows: number) => Promise<void> | void } = {},
): Promise<number> {
  const audit = (outcome: 'SUCCESS' | 'FAILURE', extra: Record<string, unknown>) =>
    recordAuditNow({
      action: 'report.export',
      outcome,
      actorId: actor.userId,
      actorEmail: actor.email,
      entityType: o.taskId ? 'BackgroundTask' : null,
      entityId: o.taskId ?? null,
      ip: o.origin?.ip ?? null,
      userAgent: o.origin?.userAgent ?? null,
      details: { ...prepared.auditDetails, fileName: prepared.fileName, auditHead: prepared.footer.auditHead, ...extra },
    });
  try {
    const rows = await prepared.write(out, o.onProgress);
    await audit('SUCCESS', { rows });
    return rows;
  } catch (err) {
    await audit('FAILURE', { error: String((err as Error).message ?? err).slice(0, 300) }).catch(() => {});
    throw err;
  }
}
