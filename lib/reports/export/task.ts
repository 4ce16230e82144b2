// Background exports (task kind `reports.export`): large record lists and PDFs. The request is queued
// with who asked; the worker re-reads that person's roles when it runs (a role removed meanwhile means no
// file), writes the file into ExportFile with progress the page polls, and audits it like any export.
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { createTask, registerTask } from '@/lib/jobs/tasks';
import { type ExportOrigin, type ExportRequest, exportRequestSchema, prepareExport, runExport } from './run';
import { storeExportFile } from './store';

export const EXPORT_TASK = 'reports.export';

/** The actor a task runs for: the requester as they are now, without a session. */
export async function taskActor(userId: string | null, taskId: string): Promise<Actor> {
  const user = userId
    ? await db.user.findUnique({
        where: { id: userId },
        select: { id: true, email: true, displayName: true, locale: true, disabledAt: true, memberships: { select: { role: true, institutionId: true, allInstitutions: true } } },
      })
    : null;
  if (!user || user.disabledAt) throw new NotFoundError('user');
  return {
    userId: user.id,
    sessionId: `task:${taskId}`,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    mfaVerified: true,
    memberships: user.memberships,
  };
}

/** Queues an export; the caller has prepared it (so it is authorised and counted). */
export async function queueExport(actor: Actor, request: ExportRequest, origin: ExportOrigin, expectedRows: number | null): Promise<string> {
  return db.$transaction((tx) =>
    createTask(tx, {
      kind: EXPORT_TASK,
      requestedById: actor.userId,
      params: { request, origin, expectedRows },
    }),
  );
}

registerTask(EXPORT_TASK, async ({ taskId, params, requestedById, progress }) => {
  const actor = await taskActor(requestedById, taskId);
  const request = exportRequestSchema.parse(params.request);
  const origin = (params.origin ?? {}) as ExportOrigin;
  const prepared = await prepareExport(actor, request);
  const total = prepared.expectedRows ?? 1;
  await progress(0, total);
  let rows = 0;
  const file = await storeExportFile(taskId, { fileName: prepared.fileName, mediaType: prepared.mediaType }, async (out) => {
    rows = await runExport(actor, prepared, out, { origin, taskId, onProgress: (n) => progress(Math.min(n, total), total) });
  });
  await progress(total, total);
  return { rows, fileName: prepared.fileName, sizeBytes: file.sizeBytes, mediaType: prepared.mediaType };
});
