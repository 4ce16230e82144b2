// Route-handler side of exports: the signed-in auditor, a streamed response (the body is written while
// the database is still reading), and the same "not found" for anything that is not theirs.
import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import { NextResponse } from 'next/server';
import { NotFoundError } from '@/lib/errors';
import { currentActor } from '@/lib/auth/actor';
import { clientIp, userAgent } from '@/lib/auth/request-info';
import { type Actor, hasRole } from '@/lib/auth/roles';
import { recordAuditNow } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { DIRECT_LIMIT } from './limits';
import { type ExportRequest, type PreparedExport, prepareExport, runExport } from './run';
import { storedFile } from './store';
import { EXPORT_TASK } from './task';

export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

const jsonError = (status: number, error: string, extra: object = {}) => NextResponse.json({ error, ...extra }, { status });

export function originOf(request: Request) {
  return { ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
}

/** The signed-in auditor, a 401 (not signed in) or a 404 (not an auditor, audited). */
export async function exportCaller(request: Request, resource: string): Promise<Actor | NextResponse> {
  const actor = await currentActor();
  if (!actor) return jsonError(401, 'unauthorized');
  if (!hasRole(actor, 'AUDITOR')) return denied(actor, request, resource);
  return actor;
}

async function denied(actor: Actor, request: Request, resource: string): Promise<NextResponse> {
  await recordAuditNow({
    action: 'access.denied',
    outcome: 'DENIED',
    actorId: actor.userId,
    actorEmail: actor.email,
    ...originOf(request),
    details: { permission: 'role:AUDITOR', resource },
  });
  return jsonError(404, 'not_found');
}

function stream(prepared: PreparedExport, run: (out: PassThrough) => Promise<unknown>, size?: number): NextResponse {
  const out = new PassThrough();
  run(out).catch((err) => {
    console.error('[export]', err);
    out.destroy(err as Error);
  });
  return new NextResponse(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': prepared.mediaType,
      'Content-Disposition': attachment(prepared.fileName),
      'X-Content-Type-Options': 'nosniff',
      ...(size !== undefined ? { 'Content-Length': String(size) } : {}),
    },
  });
}

/** Streams a small export straight to the browser; refuses a record list above DIRECT_LIMIT (413). */
export async function directExport(request: Request, build: (url: URL) => ExportRequest | null): Promise<NextResponse> {
  const caller = await exportCaller(request, 'export');
  if (caller instanceof NextResponse) return caller;
  const exportRequest = build(new URL(request.url));
  if (!exportRequest) return jsonError(400, 'bad_request');
  let prepared: PreparedExport;
  try {
    prepared = await prepareExport(caller, exportRequest);
  } catch (err) {
    if (err instanceof NotFoundError) return denied(caller, request, err.resource);
    if ((err as Error).name === 'ZodError') return jsonError(400, 'bad_request');
    throw err;
  }
  if (prepared.expectedRows !== null && prepared.expectedRows > DIRECT_LIMIT) {
    return jsonError(413, 'too_large', { rows: prepared.expectedRows, limit: DIRECT_LIMIT, hint: 'Start it as a background export from the records page.' });
  }
  return stream(prepared, (out) => runExport(caller, prepared, out, { origin: originOf(request) }));
}

/** A background export task of the caller's own. */
export async function ownTask(actor: Actor, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  return db.backgroundTask.findFirst({
    where: { id, kind: EXPORT_TASK, requestedById: actor.userId },
    select: { id: true, status: true, progressDone: true, progressTotal: true, error: true, result: true, createdAt: true, finishedAt: true },
  });
}

export async function downloadStored(request: Request, taskId: string): Promise<NextResponse> {
  const caller = await exportCaller(request, `export-file:${taskId}`);
  if (caller instanceof NextResponse) return caller;
  const task = await ownTask(caller, taskId);
  const file = task?.status === 'SUCCEEDED' ? await storedFile(taskId) : null;
  if (!file) return denied(caller, request, `export-file:${taskId}`);
  await recordAuditNow({
    action: 'report.export_download',
    actorId: caller.userId,
    actorEmail: caller.email,
    entityType: 'BackgroundTask',
    entityId: taskId,
    ...originOf(request),
    details: { fileName: file.fileName, sizeBytes: file.sizeBytes },
  });
  const out = new PassThrough();
  file.pipeTo(out).catch((err) => out.destroy(err as Error));
  return new NextResponse(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Disposition': attachment(file.fileName),
      'Content-Length': String(file.sizeBytes),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
