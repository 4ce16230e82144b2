// A comparable description of a database's schema, read from the catalogs: tables and columns,
// constraints, indexes, enums and extensions. Used by the drift test.
//
// Partitions are left out (they are hand-written SQL; the drift test checks them on their own), and a
// partitioned table's index reads `ON ONLY "T"` where a plain table's reads `ON "T"`: that word is the
// one normalisation, so a partitioned table must otherwise match what schema.prisma declares exactly.
import pg from 'pg';

export async function describeSchema(connectionString: string): Promise<string[]> {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    const q = async (sql: string) => (await c.query(sql)).rows.map((r) => Object.values(r).map(String).join(' | '));
    const out = [
      ...(await q(`SELECT 'column', table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, ''),
                         coalesce(character_maximum_length::text, ''), coalesce(numeric_precision::text, ''), coalesce(numeric_scale::text, '')
                  FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
                    AND table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)`)),
      ...(await q(`SELECT 'constraint', conrelid::regclass::text, conname, pg_get_constraintdef(oid)
                  FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid <> coalesce(to_regclass('"_prisma_migrations"'), 0)
                    AND conrelid NOT IN (SELECT oid FROM pg_class WHERE relispartition)`)),
      ...(await q(`SELECT 'index', tablename, indexname, replace(indexdef, ' ON ONLY ', ' ON ') FROM pg_indexes
                  WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
                    AND tablename NOT IN (SELECT relname FROM pg_class WHERE relispartition)`)),
      ...(await q(`SELECT 'enum', t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
                  FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`)),
      ...(await q(`SELECT 'extension', extname FROM pg_extension WHERE extname <> 'plpgsql'`)),
    ];
    return out.sort();
  } finally {
    await c.end();
  }
}
