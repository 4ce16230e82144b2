// Starts this process's job workers: from instrumentation.ts in every app process (KAIJI_WORKERS=0
// turns them off for processes that should only serve pages), or from scripts/worker.ts, the worker
// process of `npm start` and `npm run dev`. Every process may work: pg-boss hands each job to one.
import 'server-only';
import { RETIRED_AUDIT_SCHEDULES } from '@/lib/audit/jobs';
import { type SealerHandle, startSealer } from '@/lib/audit/sealer';
import { ensureSearchKeysCurrent } from '@/lib/review/search-refresh';
import { JAPAN_TIME_ZONE } from '@/lib/time/japan';
import { boss, ensureQueue, stopBoss } from './boss';
import { JOBS, SCHEDULES } from './handlers';
import { runTask } from './tasks';

const g = globalThis as { __kaijiSealer?: SealerHandle };

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
    await b.schedule(s.name, s.cron, {}, { tz: JAPAN_TIME_ZONE });
  }
  for (const name of RETIRED_AUDIT_SCHEDULES) await b.unschedule(name).catch(() => {});
  // A release that builds the queue's search keys differently rebuilds the stored ones once.
  await ensureSearchKeysCurrent();
  g.__kaijiSealer ??= startSealer();
}

/**
 * Stops taking jobs, lets the running ones finish (up to 30 s; pg-boss hands an unfinished one to
 * another worker later), then closes the queue's connections. Call it before PostgreSQL goes away:
 * that order is what keeps a shutdown free of "terminating connection" errors.
 */
export async function stopWorkers(): Promise<void> {
  const sealer = g.__kaijiSealer;
  g.__kaijiSealer = undefined;
  await sealer?.stop();
  await stopBoss({ graceful: true });
}
