// The reports' own small connection pool (plain `pg`): aggregate SQL with predictable result types,
// COPY … TO STDOUT for streamed exports and COPY … FROM STDIN for stored export files. Created on first
// use, so importing this module never connects.
import 'server-only';
import { rawEnv } from '@/lib/env';
import pg from 'pg';
import { type Sql, toParams } from './sql';

const g = globalThis as { __kaijiReportsPool?: pg.Pool };

export function reportsPool(): pg.Pool {
  if (!g.__kaijiReportsPool) {
    const connectionString = rawEnv('DATABASE_URL');
    if (!connectionString) throw new Error('DATABASE_URL is not set');
    g.__kaijiReportsPool = new pg.Pool({
      connectionString,
      max: Number(rawEnv('REPORTS_POOL_SIZE') || 4),
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
      application_name: 'kaiji-reports',
    });
    // A connection ended by the server (restart, failover, dropped test database) is simply replaced.
    // Idle ones report through the pool's 'error'; one checked out for a stream that its reader left
    // unread (a download cancelled mid-way) reports on the client itself, where an unheard 'error'
    // would crash the process: every client gets a listener when it connects. The stream's own reader,
    // if any, still gets the error through the stream.
    const onError = (err: Error & { code?: string }) => {
      if (err.code !== '57P01') console.error('[reports pg]', err);
    };
    g.__kaijiReportsPool.on('error', onError);
    g.__kaijiReportsPool.on('connect', (client) => client.on('error', onError));
  }
  return g.__kaijiReportsPool;
}

export async function query<T extends object>(s: Sql): Promise<T[]> {
  const { text, values } = toParams(s);
  const res = await reportsPool().query(text, values);
  return res.rows as T[];
}

export async function endReportsPool(): Promise<void> {
  const pool = g.__kaijiReportsPool;
  g.__kaijiReportsPool = undefined;
  await pool?.end();
}
