import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { migrate, migrationStatus, readMigrations } from './migrator';

describe('migrator', () => {
  it('has applied every migration to the test database, recorded as Prisma does', async () => {
    const url = process.env.DATABASE_URL!;
    const status = await migrationStatus(url);
    expect(status.pending).toEqual([]);
    expect(status.applied).toEqual(readMigrations().map((m) => m.name));
    expect(await migrate(url)).toEqual([]);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const rows = await client.query('SELECT migration_name, checksum, applied_steps_count FROM "_prisma_migrations"');
    await client.end();
    expect(rows.rows.map((r) => r.checksum)).toEqual(readMigrations().map((m) => m.checksum));
  });
});
