// Starts this process's job workers (called once from instrumentation.ts; KAIJI_WORKERS=0 turns them
// off for processes that should only serve pages). Every process may work: pg-boss hands each job to one.
import 'server-only';
import { boss, ensureQueue } from './boss';
import { JOBS, SCHEDULES } from './handlers';
import { runTask } from './tasks';

export async function startWorkers(): Promise<void> {
  const b = await boss();
  await ensureQueue('task.run');
  await b.work<{ taskId: string }>('task.run', { batchSize: 1, pollingIntervalSeconds: 2 }, async ([job]) => {
    if (job) await runTask(job.data.taskId);
  });
  for (const [name, handler] of Object.entries(JOBS)) {
    await ensureQueue(name);
    await b.work<Record<string, unknown>>(name, { batchSize: 1, pollingIntervalSeconds: 5 }, async ([job]) => {
      if (job) await handler(job.data);
    });
  }
  for (const s of SCHEDULES) {
    await ensureQueue(s.name);
    await b.schedule(s.name, s.cron, {}, { tz: 'Asia/Tokyo' });
  }
}
