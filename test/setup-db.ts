// Runs before each test file: gives the file a database of its own, cloned from the migrated template,
// and points DATABASE_URL at it before any application module is imported.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { withDatabase } from './global-setup';

const adminUrl = inject('pgAdminUrl');
const database = `kaiji_t_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database} TEMPLATE ${inject('pgTemplate')}`);
process.env.DATABASE_URL = withDatabase(adminUrl, database);
process.env.KAIJI_TEST_DATABASE = database;

afterAll(async () => {
  const g = globalThis as {
    __kaijiDb?: { $disconnect(): Promise<void> };
    __kaijiBoss?: Promise<{ stop(o: object): Promise<void> }>;
    __kaijiSealer?: { stop(): Promise<void> };
  };
  // Background work a test started (a job mid-query, a sealer loop, an export stream nobody read to the
  // end) must not hold the file's teardown for the whole hook timeout, and its reconnect attempts must
  // not keep DROP DATABASE waiting (seen in full runs: sessions still "starting" on the dropped database
  // held DROP … WITH (FORCE) for minutes). So: each step waits a bounded time; new connections to the
  // database are refused before it is dropped; and the server, ephemeral, removes whatever is left.
  const bounded = (p: Promise<unknown> | undefined) =>
    Promise.race([Promise.resolve(p).catch(() => {}), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
  await bounded(g.__kaijiSealer?.stop());
  if (g.__kaijiBoss) await bounded(g.__kaijiBoss.then((boss) => boss.stop({ graceful: false, wait: true })));
  await bounded(g.__kaijiDb?.$disconnect());
  await bounded(admin.query(`ALTER DATABASE ${database} WITH ALLOW_CONNECTIONS false`));
  await bounded(admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  await bounded(admin.end());
});
