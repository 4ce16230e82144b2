// Route-handler side of exports, run inside defineRoute (which checks the auditor and answers the audited
// 404): a streamed response (the body is written while the database is still reading).
import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import { NextResponse } from 'next/server';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { auditByNow } from '@/lib/audit/by';
import { db } from '@/lib/db/client';
import { contentDisposition } from '@/lib/http/content-disposition';
import type { RouteContext } from '@/lib/http/define-route';
import { DIRECT_LIMIT } from './limits';
import { type ExportRequest, type PreparedExport, prepareExport, runExport } from './run';
import { storedFile } from './store';
import { EXPORT_TASK } from './task';

const jsonError = (status: number, error: string, extra: object = {}) => NextResponse.json({ error, ...extra }, { status });

function stream(prepared: PreparedExport, run: (out: PassThrough) => Promise<unknown>, size?: number): NextResponse {
  const out = new PassThrough();
  run(out).catch((err) => {
    console.error('[export]', err);
    out.destroy(err as Error);
  });
  return new NextResponse(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': prepared.mediaType,
      'Content-Disposition': contentDisposition(prepared.fileName),
      'X-Content-Type-Options': 'nosniff',
      ...(size !== undefined ? { 'Content-Length': String(size) } : {}),
    },
  });
}

/** Streams a small export straight to the browser; refuses a record list above DIRECT_LIMIT (413). */
export async function directExport({ actor, request, origin }: RouteContext<unknown>, build: (url: URL) => ExportRequest | null): Promise<Response> {
  const exportRequest = build(new URL(request.url));
  if (!exportRequest) return jsonError(400, 'bad_request');
  let prepared: PreparedExport;
  try {
    prepared = await prepareExport(actor, exportRequest);
  } catch (err) {
    if ((err as Error).name === 'ZodError') return jsonError(400, 'bad_request');
    throw err;
  }
  if (prepared.expectedRows !== null && prepared.expectedRows > DIRECT_LIMIT) {
    return jsonError(413, 'too_large', { rows: prepared.expectedRows, limit: DIRECT_LIMIT, hint: 'Start it as a background export from the records page.' });
  }
  return stream(prepared, (out) => runExport(actor, prepared, out, { origin }));
}

/** A background export task of the caller's own. */
export async function ownTask(actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db.backgroundTask.findFirst({
    where: { id, kind: EXPORT_TASK, requestedById: actor.userId },
    select: { id: true, status: true, progressDone: true, progressTotal: true, error: true, result: true, createdAt: true, finishedAt: true },
  });
}

/** The file of one's own finished background export; anything else is the audited 404. */
export async function downloadStored({ actor, origin }: RouteContext<unknown>, taskId: string): Promise<Response> {
  const task = await ownTask(actor, taskId);
  const file = task?.status === 'SUCCEEDED' ? await storedFile(taskId) : null;
  if (!file) throw new NotFoundError(`export-file:${taskId}`);
  await auditByNow(actor, origin, {
    action: 'report.export_download',
    entityType: 'BackgroundTask',
    entityId: taskId,
    details: { fileName: file.fileName, sizeBytes: file.sizeBytes },
  });
  const out = new PassThrough();
  file.pipeTo(out).catch((err) => out.destroy(err as Error));
  return new NextResponse(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Disposition': contentDisposition(file.fileName),
      'Content-Length': String(file.sizeBytes),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
