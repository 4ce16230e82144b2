// Progress of one's own background export, polled by the export panel.
import { NotFoundError } from '@/lib/errors';
import { defineRoute, jsonAnswer } from '@/lib/http/define-route';
import { ownTask } from '@/lib/reports/export/http';

export const dynamic = 'force-dynamic';

export const GET = defineRoute<{ id: string }>({
  name: 'export-task',
  roles: ['AUDITOR'],
  resource: ({ id }) => `export-task:${id}`,
  handler: async ({ actor, params: { id } }) => {
    const task = await ownTask(actor, id);
    if (!task) throw new NotFoundError(`export-task:${id}`);
    const result = (task.result ?? {}) as { fileName?: string; rows?: number; sizeBytes?: number };
    return jsonAnswer({
      id: task.id,
      status: task.status,
      progressDone: task.progressDone,
      progressTotal: task.progressTotal,
      error: task.status === 'FAILED' ? (task.error ?? 'failed') : null,
      fileName: result.fileName ?? null,
      rows: result.rows ?? null,
      download: task.status === 'SUCCEEDED' ? `/api/exports/files/${task.id}` : null,
    });
  },
});
