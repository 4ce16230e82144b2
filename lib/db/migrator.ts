// Applies the migrations in prisma/migrations the way `prisma migrate deploy` does, without Prisma's
// native schema engine (unavailable offline): each pending folder's migration.sql runs in its own
// transaction and is recorded in _prisma_migrations with the SHA-256 of the file as its checksum, so
// Prisma's own tools read the history as theirs. A session-level advisory lock makes concurrent
// starters wait for each other instead of applying a migration twice.
import { rawEnv } from '@/lib/env';
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const LOCK_KEY = 7_204_311_001; // arbitrary, stable: "kaiji migrations"
// Resolved from the working directory (the project root for every entry point): inside a Next.js
// server bundle import.meta.dirname points into .next/.
export const MIGRATIONS_DIR = path.resolve(rawEnv('KAIJI_ROOT') ?? process.cwd(), 'prisma/migrations');

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file no longer matches the checksum recorded when it ran. */
  modified: string[];
  /** Recorded migrations that have no folder (the database is ahead of this code). */
  unknown: string[];
  failed: string[];
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  if (!fs.existsSync(/*turbopackIgnore: true*/ dir)) return [];
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface Row {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function recorded(client: pg.Client): Promise<Row[]> {
  const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"') AS t`);
  if (!exists.rows[0]?.t) return [];
  const res = await client.query<Row>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
  );
  return res.rows;
}

function compare(files: MigrationFile[], rows: Row[]): MigrationStatus {
  const live = rows.filter((r) => !r.rolled_back_at);
  const done = new Map(live.filter((r) => r.finished_at).map((r) => [r.migration_name, r]));
  const names = new Set(files.map((f) => f.name));
  return {
    applied: files.filter((f) => done.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !done.has(f.name)).map((f) => f.name),
    modified: files.filter((f) => done.has(f.name) && done.get(f.name)!.checksum !== f.checksum).map((f) => f.name),
    unknown: [...done.keys()].filter((n) => !names.has(n)),
    failed: live.filter((r) => !r.finished_at).map((r) => r.migration_name),
  };
}

export async function migrationStatus(connectionString: string, dir = MIGRATIONS_DIR): Promise<MigrationStatus> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return compare(readMigrations(dir), await recorded(client));
  } finally {
    await client.end();
  }
}

/** Applies pending migrations; returns the names applied. Refuses to run over a modified or failed history. */
export async function migrate(
  connectionString: string,
  { dir = MIGRATIONS_DIR, log = (_: string) => {} }: { dir?: string; log?: (line: string) => void } = {},
): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const files = readMigrations(dir);
    const status = compare(files, await recorded(client));
    if (status.failed.length) throw new Error(`A migration failed earlier and needs attention: ${status.failed.join(', ')}`);
    if (status.modified.length)
      throw new Error(`Applied migrations were changed after they ran (checksum differs): ${status.modified.join(', ')}`);
    const applied: string[] = [];
    for (const file of files.filter((f) => status.pending.includes(f.name))) {
      log(`applying migration ${file.name}`);
      const id = randomUUID();
      await client.query('BEGIN');
      try {
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
          [id, file.checksum, file.name],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${file.name} failed: ${(err as Error).message}`);
      }
      applied.push(file.name);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
