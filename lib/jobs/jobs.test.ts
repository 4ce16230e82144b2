import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { enqueue } from './boss';
import { createTask, registerTask, runTask } from './tasks';
import { startWorkers } from './worker';



const jobCount = async (name: string) =>
  (await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1`, name))[0]!.n;

describe('job queue', () => {
  it('enqueues through the caller’s transaction: a rolled-back change leaves no job', async () => {
    await enqueue('test.warmup', {});
    await expect(
      db.$transaction(async (tx) => {
        await enqueue('test.tx', { n: 1 }, {}, tx);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await jobCount('test.tx')).toBe(0);
    await db.$transaction(async (tx) => {
      await enqueue('test.tx', { n: 2 }, {}, tx);
    });
    expect(await jobCount('test.tx')).toBe(1);
  });

  it('runs a task, recording progress and result, and records failures', async () => {
    registerTask('test.count', async ({ params, progress }) => {
      const n = Number(params.n);
      for (let i = 1; i <= n; i++) await progress(i, n);
      return { counted: n };
    });
    registerTask('test.fail', async () => {
      throw new Error('boom: the input file was empty');
    });
    const ok = await db.$transaction((tx) => createTask(tx, { kind: 'test.count', params: { n: 3 } }));
    await runTask(ok);
    expect(await db.backgroundTask.findUnique({ where: { id: ok } })).toMatchObject({
      status: 'SUCCEEDED',
      progressDone: 3,
      progressTotal: 3,
      result: { counted: 3 },
    });
    const bad = await db.$transaction((tx) => createTask(tx, { kind: 'test.fail' }));
    await expect(runTask(bad)).rejects.toThrow('boom');
    expect(await db.backgroundTask.findUnique({ where: { id: bad } })).toMatchObject({ status: 'FAILED', error: 'boom: the input file was empty' });
  });

  it('a worker picks up a task enqueued by a request', async () => {
    registerTask('test.worker', async () => ({ worked: true }));
    await startWorkers();
    const id = await db.$transaction((tx) => createTask(tx, { kind: 'test.worker' }));
    let status = 'QUEUED';
    for (let i = 0; i < 60 && status !== 'SUCCEEDED'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await db.backgroundTask.findUniqueOrThrow({ where: { id } })).status;
    }
    expect(status).toBe('SUCCEEDED');
  });
});
