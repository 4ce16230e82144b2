// The drift test: the database that the committed migrations build must be exactly the one that
// prisma/schema.prisma declares. "Declared" is computed by Prisma's own differ (DDL from an empty
// database to schema.prisma), applied to a scratch database; both are then read back from the catalogs.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { prismaDiff } from '@/scripts/lib/prisma-cli.mjs';
import { describeSchema } from '@/test/helpers/schema-shape';
import { withDatabase } from '@/test/global-setup';

const adminUrl = inject('pgAdminUrl');

describe('schema drift', () => {
  it('migrations build exactly the schema that schema.prisma declares', { timeout: 120_000 }, async () => {
    const scratch = `kaiji_drift_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${scratch}`);
    try {
      const ddl = prismaDiff({ fromSchema: null, toSchema: path.resolve('prisma/schema.prisma'), databaseUrl: adminUrl });
      expect(ddl).toContain('CREATE TABLE "Disclosure"');
      const c = new pg.Client({ connectionString: withDatabase(adminUrl, scratch) });
      await c.connect();
      await c.query(ddl);
      await c.end();

      const declared = await describeSchema(withDatabase(adminUrl, scratch));
      const migrated = await describeSchema(process.env.DATABASE_URL!);
      const missing = declared.filter((l) => !migrated.includes(l));
      const extra = migrated.filter((l) => !declared.includes(l));
      expect({ missingFromMigrations: missing, notInSchemaPrisma: extra }).toEqual({ missingFromMigrations: [], notInSchemaPrisma: [] });
      expect(migrated.length).toBeGreaterThan(200);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('the snapshot used to author the next migration matches schema.prisma', async () => {
    const fs = await import('node:fs');
    expect(fs.readFileSync('prisma/migrations/schema-at-last-migration.prisma', 'utf8')).toBe(
      fs.readFileSync('prisma/schema.prisma', 'utf8'),
    );
  });

  it('the hand-written immutability triggers are installed by the migrations', async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    const { rows } = await c.query(`SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                                    WHERE NOT tgisinternal AND NOT c.relispartition ORDER BY tgname`);
    await c.end();
    expect(rows.map((r) => r.tgname)).toEqual([
      'AuditCheckpoint_append_only',
      'AuditCheckpoint_no_truncate',
      'AuditEvent_append_only',
      'AuditEvent_no_truncate',
      'AuditRetiredMonth_append_only',
      'AuditSeal_append_only',
      'AuditSeal_no_truncate',
      'DisclosureVersion_immutable',
      'WatchlistEntry_bump_revision',
      'Watchlist_bump_revision',
    ]);
  });

  // Prisma cannot express partitioning, so the comparison above leaves partitions out; this checks them.
  it('AuditEvent is partitioned by month, and every partition has the parent’s indexes and both triggers', async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    try {
      const key = await c.query(`SELECT partstrat, pg_get_partkeydef('"AuditEvent"'::regclass) AS def FROM pg_partitioned_table WHERE partrelid = '"AuditEvent"'::regclass`);
      expect(key.rows).toEqual([{ partstrat: 'r', def: 'RANGE ("occurredAt")' }]);
      const parts = await c.query<{ name: string; bound: string }>(`SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
        FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = '"AuditEvent"'::regclass ORDER BY 1`);
      const names = parts.rows.map((p) => p.name);
      expect(names).toContain('AuditEvent_default');
      const thisMonth = `AuditEvent_y${new Date().toISOString().slice(0, 7).replace('-', 'm')}`;
      expect(names).toContain(thisMonth);
      for (const p of parts.rows.filter((r) => r.name !== 'AuditEvent_default')) expect(p.bound).toMatch(/^FOR VALUES FROM \('\d{4}-\d{2}-01 /);
      const parentIndexes = (await c.query(`SELECT count(*)::int AS n FROM pg_index WHERE indrelid = '"AuditEvent"'::regclass`)).rows[0].n as number;
      expect(parentIndexes).toBe(8);
      for (const name of names) {
        const attached = await c.query(`SELECT count(*)::int AS n FROM pg_index x JOIN pg_inherits i ON i.inhrelid = x.indexrelid
                                        WHERE x.indrelid = $1::regclass`, [`"${name}"`]);
        expect({ name, indexes: attached.rows[0].n }).toEqual({ name, indexes: parentIndexes });
        const triggers = await c.query(`SELECT tgname FROM pg_trigger WHERE tgrelid = $1::regclass AND NOT tgisinternal ORDER BY 1`, [`"${name}"`]);
        expect(triggers.rows.map((r) => r.tgname)).toEqual(['AuditEvent_append_only', `${name}_no_truncate`].sort());
      }
    } finally {
      await c.end();
    }
  });
});
