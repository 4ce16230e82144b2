// The reports' own small connection pool (plain `pg`): aggregate SQL with predictable result types,
// COPY … TO STDOUT for streamed exports and COPY … FROM STDIN for stored export files. Created on first
// use, so importing this module never connects.
import 'server-only';
import pg from 'pg';
import { type Sql, toParams } from './sql';

const g = globalThis as { __kaijiReportsPool?: pg.Pool };

export function reportsPool(): pg.Pool {
  if (!g.__kaijiReportsPool) {
    const connectionString = process.env.DATABASE_URL;
    if (!connectionString) throw new Error('DATABASE_URL is not set');
    g.__kaijiReportsPool = new pg.Pool({
      connectionString,
      max: Number(process.env.REPORTS_POOL_SIZE || 4),
      idleTimeoutMillis: 10_000,
      allowExitOnIdle: true,
      application_name: 'kaiji-reports',
    });
    // An idle connection ended by the server (restart, dropped test database) is simply replaced.
    g.__kaijiReportsPool.on('error', (err: Error & { code?: string }) => {
      if (err.code !== '57P01') console.error('[reports pg]', err);
    });
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
