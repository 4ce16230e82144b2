// The job queue: pg-boss, kept in PostgreSQL (schema `pgboss`), so any app process can enqueue and any
// can work, and nothing is lost when one stops. One PgBoss per process, started on first use.
import 'server-only';
import { rawEnv } from '@/lib/env';
import PgBoss from 'pg-boss';
import type { Tx } from '@/lib/db/client';

const g = globalThis as { __kaijiBoss?: Promise<PgBoss> };

export function boss(): Promise<PgBoss> {
  g.__kaijiBoss ??= (async () => {
    const connectionString = rawEnv('DATABASE_URL');
    if (!connectionString) throw new Error('DATABASE_URL is not set');
    const b = new PgBoss({ connectionString, schema: 'pgboss', max: 4, application_name: 'kaiji-jobs' });
    b.on('error', (err) => console.error('[jobs]', err));
    await b.start();
    return b;
  })();
  return g.__kaijiBoss;
}

/** Stops this process's PgBoss; `graceful` waits for running jobs first (see stopWorkers). */
export async function stopBoss({ graceful = false }: { graceful?: boolean } = {}): Promise<void> {
  const p = g.__kaijiBoss;
  g.__kaijiBoss = undefined;
  created.clear();
  if (p) await (await p).stop({ graceful, wait: true, timeout: 30_000 });
}

const created = new Set<string>();
export async function ensureQueue(name: string): Promise<void> {
  if (created.has(name)) return;
  const b = await boss();
  if (!(await b.getQueue(name))) await b.createQueue(name).catch(() => {});
  created.add(name);
}

/**
 * Enqueues a job. Given a transaction, the job is written through it, so it exists only if the change
 * that caused it commits (no job for a rolled-back change, no change without its job).
 */
export async function enqueue(name: string, data: object, options: PgBoss.SendOptions = {}, tx?: Tx): Promise<string | null> {
  await ensureQueue(name);
  const b = await boss();
  const db = tx
    ? { executeSql: async (text: string, values: unknown[]) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...values) }) }
    : undefined;
  return b.send(name, data, { retryLimit: 3, retryDelay: 10, retryBackoff: true, ...options, ...(db ? { db } : {}) });
}
