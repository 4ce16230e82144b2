// Progress of one's own background export, polled by the export panel.
import { NextResponse } from 'next/server';
import { exportCaller, ownTask } from '@/lib/reports/export/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await exportCaller(request, `export-task:${id}`);
  if (caller instanceof NextResponse) return caller;
  const task = await ownTask(caller, id);
  if (!task) return NextResponse.json({ error: 'not_found' }, { status: 404 });
  const result = (task.result ?? {}) as { fileName?: string; rows?: number; sizeBytes?: number };
  return NextResponse.json({
    id: task.id,
    status: task.status,
    progressDone: task.progressDone,
    progressTotal: task.progressTotal,
    error: task.status === 'FAILED' ? (task.error ?? 'failed') : null,
    fileName: result.fileName ?? null,
    rows: result.rows ?? null,
    download: task.status === 'SUCCEEDED' ? `/api/exports/files/${task.id}` : null,
  });
}
