// The benchmark database: an embedded PostgreSQL whose data survives between runs (.kaiji/bench,
// git-ignored), or any database given with --database-url. Shared by the generator and the benchmark.
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../scripts/lib/embedded-pg.mjs';

export const BENCH_DATABASE = 'kaiji_bench';
const root = path.resolve(import.meta.dirname, '../..');

export interface BenchDb {
  url: string;
  /** The server's maintenance database (to drop and create the bench database), when we started it. */
  adminUrl: string | null;
  stop(): Promise<void>;
}

export async function openBenchDb(databaseUrl: string | undefined, log: (line: string) => void): Promise<BenchDb> {
  if (databaseUrl) return { url: databaseUrl, adminUrl: null, stop: async () => {} };
  const dir = path.join(root, '.kaiji/bench/pgdata');
  log(`• embedded PostgreSQL in ${path.relative(root, dir)}`);
  const server = await startEmbeddedPostgres({ dir });
  const adminUrl = server.url('postgres');
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [BENCH_DATABASE]);
  if (!exists.rowCount) await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  // Settings for a bulk load and a read benchmark on a 2-core machine; applied by a reload.
  await admin.query(`ALTER SYSTEM SET maintenance_work_mem = '1GB'`);
  await admin.query(`ALTER SYSTEM SET shared_buffers = '1GB'`);
  await admin.query(`ALTER SYSTEM SET max_wal_size = '8GB'`);
  await admin.query(`ALTER SYSTEM SET checkpoint_timeout = '30min'`);
  await admin.query(`ALTER SYSTEM SET effective_cache_size = '8GB'`);
  await admin.query(`ALTER SYSTEM SET random_page_cost = 1.1`);
  await admin.query('SELECT pg_reload_conf()');
  await admin.end();
  return { url: server.url(BENCH_DATABASE), adminUrl, stop: () => server.stop() };
}

/** Drops and re-creates the bench database (only on the embedded server this script started). */
export async function recreateBenchDatabase(adminUrl: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  await admin.end();
}
