// What the export buttons ask for: small exports come back as a link that streams the file at once,
// large record lists and PDFs are queued as background tasks whose progress the page polls.
import 'server-only';
import { z } from 'zod';
import { ActionError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { filterToJson, parseRecordFilter } from '../params';
import { DIRECT_LIMIT } from './limits';
import { type ExportOrigin, type ExportRequest, prepareExport } from './run';
import { REPORT_KINDS } from './tables';
import { queueExport } from './task';

export const exportInputSchema = z.object({
  kind: z.enum(['records', 'report', 'summary']),
  report: z.enum(REPORT_KINDS).optional(),
  format: z.enum(['csv', 'xlsx', 'pdf']),
  /** The page's own query string (its filter). */
  query: z.string().max(4000),
  locale: z.enum(['ja', 'en']),
});
export type ExportInput = z.infer<typeof exportInputSchema>;

export type ExportStart = { mode: 'direct'; href: string } | { mode: 'task'; taskId: string; expectedRows: number | null };

export async function startExport(actor: Actor, input: ExportInput, origin: ExportOrigin): Promise<ExportStart> {
  const parsed = parseRecordFilter(new URLSearchParams(input.query));
  if (!parsed.success) throw new ActionError('reports.errors.badFilter');
  const filter = filterToJson(parsed.data);
  let request: ExportRequest;
  if (input.kind === 'summary' || input.format === 'pdf') request = { kind: 'summary', format: 'pdf', filter, locale: input.locale };
  else if (input.kind === 'report') {
    if (!input.report) throw new ActionError('reports.errors.badFilter');
    request = { kind: 'report', report: input.report, format: input.format, filter, locale: input.locale };
  } else request = { kind: 'records', format: input.format, filter, locale: input.locale };

  // Authorises (NotFoundError for anyone without the scope) and counts, before anything is queued.
  const prepared = await prepareExport(actor, request);
  const large = prepared.expectedRows !== null && prepared.expectedRows > DIRECT_LIMIT;
  if (request.kind === 'summary' || large) {
    return { mode: 'task', taskId: await queueExport(actor, request, origin, prepared.expectedRows), expectedRows: prepared.expectedRows };
  }
  const q = new URLSearchParams(input.query);
  q.set('format', request.format);
  q.set('lang', input.locale);
  if (request.kind === 'report') q.set('report', request.report);
  return { mode: 'direct', href: `/api/exports/${request.kind}?${q.toString()}` };
}
