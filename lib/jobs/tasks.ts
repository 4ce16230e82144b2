// Background tasks that people watch: a BackgroundTask row carries status and progress for the UI; the
// pg-boss job `task.run` does the work on whichever process picks it up.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import { enqueue } from './boss';

export interface TaskContext {
  taskId: string;
  params: Record<string, unknown>;
  requestedById: string | null;
  institutionId: string | null;
  /** Records progress; cheap enough to call every few hundred items. */
  progress(done: number, total?: number): Promise<void>;
}

export type TaskHandler = (ctx: TaskContext) => Promise<Prisma.InputJsonValue | void>;

const handlers = new Map<string, TaskHandler>();

/** Features register their task kinds at module load (see lib/jobs/handlers.ts). */
export function registerTask(kind: string, handler: TaskHandler): void {
  handlers.set(kind, handler);
}

export async function createTask(
  tx: Tx,
  o: { kind: string; params?: Record<string, unknown>; requestedById?: string | null; institutionId?: string | null },
): Promise<string> {
  const task = await tx.backgroundTask.create({
    data: {
      kind: o.kind,
      params: (o.params ?? {}) as Prisma.InputJsonValue,
      requestedById: o.requestedById ?? null,
      institutionId: o.institutionId ?? null,
    },
    select: { id: true },
  });
  await enqueue('task.run', { taskId: task.id }, { singletonKey: task.id }, tx);
  return task.id;
}

/** Runs one task to completion (called by the worker; also directly by tests). */
export async function runTask(taskId: string): Promise<void> {
  const claimed = await db.backgroundTask.updateMany({
    where: { id: taskId, status: { in: ['QUEUED', 'FAILED'] } },
    data: { status: 'RUNNING', startedAt: new Date(), error: null },
  });
  if (!claimed.count) return; // already running or done elsewhere
  const task = await db.backgroundTask.findUniqueOrThrow({ where: { id: taskId } });
  const handler = handlers.get(task.kind);
  try {
    if (!handler) throw new Error(`no handler for task kind ${task.kind}`);
    const result = await handler({
      taskId,
      params: task.params as Record<string, unknown>,
      requestedById: task.requestedById,
      institutionId: task.institutionId,
      progress: async (done, total) => {
        await db.backgroundTask.update({ where: { id: taskId }, data: { progressDone: done, ...(total !== undefined ? { progressTotal: total } : {}) } });
      },
    });
    await db.backgroundTask.update({
      where: { id: taskId },
      data: { status: 'SUCCEEDED', finishedAt: new Date(), ...(result !== undefined ? { result } : {}) },
    });
  } catch (err) {
    await db.backgroundTask.update({ where: { id: taskId }, data: { status: 'FAILED', finishedAt: new Date(), error: String((err as Error).message ?? err).slice(0, 2000) } });
    throw err;
  }
}
