// The benchmark database: an embedded PostgreSQL whose data survives between runs (.kaiji/bench,
// git-ignored), or any database given with --database-url. Shared by the generator and the benchmark.
import { spawnSync } from 'node:child_process';
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

/**
 * For the benches that read a national cycle (exports, re-evaluation): an embedded server of their own in
 * .kaiji/<name>/pgdata whose database holds `disclosures` disclosures, loaded once by bench/seed-queue.ts
 * (with `seedArgs`) and kept between runs; loaded again only when the count differs. With a URL, that
 * database as it is.
 */
export async function seededBenchDb(o: {
  databaseUrl: string | undefined;
  name: string;
  database: string;
  disclosures: number;
  /** ALTER SYSTEM settings for this bench's load and reads. */
  settings: string[];
  /** How to run seed-queue.ts: node's flags and environment, and its own extra arguments. */
  nodeArgs: string[];
  env?: Record<string, string>;
  seedArgs?: string[];
  log: (line: string) => void;
}): Promise<{ url: string; stop: () => Promise<void> }> {
  if (o.databaseUrl) return { url: o.databaseUrl, stop: async () => {} };
  const dir = path.join(root, `.kaiji/${o.name}/pgdata`);
  o.log(`• embedded PostgreSQL in ${path.relative(root, dir)}`);
  const server = await startEmbeddedPostgres({ dir });
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  for (const s of o.settings) await admin.query(`ALTER SYSTEM SET ${s}`);
  await admin.query('SELECT pg_reload_conf()');
  let have = 0;
  if ((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [o.database])).rowCount) {
    const c = new pg.Client({ connectionString: server.url(o.database) });
    await c.connect();
    have = await c
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM "Disclosure"`)
      .then((r) => r.rows[0]!.n)
      .catch(() => 0);
    await c.end();
  }
  if (have !== o.disclosures) {
    await admin.query(`DROP DATABASE IF EXISTS ${o.database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${o.database}`);
    o.log(`• loading ${o.disclosures.toLocaleString('en')} disclosures with bench/seed-queue.ts ${(o.seedArgs ?? []).join(' ')} (once; kept for later runs)`);
    const seeded = spawnSync(
      process.execPath,
      [...o.nodeArgs, path.join(root, 'bench/seed-queue.ts'), '--disclosures', String(o.disclosures), ...(o.seedArgs ?? []), '--database-url', server.url(o.database)],
      { cwd: root, stdio: 'inherit', env: { ...process.env, ...o.env } },
    );
    if (seeded.status !== 0) throw new Error('bench/seed-queue.ts failed');
  } else {
    o.log(`• reusing ${have.toLocaleString('en')} disclosures`);
  }
  await admin.end();
  return { url: server.url(o.database), stop: () => server.stop() };
}
