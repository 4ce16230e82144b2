// Starts (or reuses) the test PostgreSQL and builds a migrated template database that every test file
// clones (see setup-db.ts). `npm test` passes KAIJI_TEST_PG_URL so all suites share one server.
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../lib/db/migrator';
import { startEmbeddedPostgres } from '../scripts/lib/embedded-pg.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  let adminUrl = process.env.KAIJI_TEST_PG_URL;
  let server: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (!adminUrl) {
    server = await startEmbeddedPostgres({
      dir: path.join(os.tmpdir(), `kaiji-vitest-${randomUUID().slice(0, 8)}`),
      ephemeral: true,
    });
    adminUrl = server.url('postgres');
  }
  const template = `kaiji_tpl_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${template}`);
  await migrate(withDatabase(adminUrl, template));
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`).catch(() => {});
    await admin.end();
    await server?.stop();
  };
}
