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
  };
  if (g.__kaijiBoss) await (await g.__kaijiBoss).stop({ graceful: false, wait: true }).catch(() => {});
  await g.__kaijiDb?.$disconnect().catch(() => {});
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => {});
  await admin.end();
});
