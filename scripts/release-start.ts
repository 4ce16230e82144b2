// The release's entry point (`node scripts/start.mjs` in the release folder, the image's CMD): applies
// pending migrations, then serves. Several replicas starting at once are safe: the migrator holds an
// advisory lock, so one applies and the others find nothing left to do.
import { migrate } from '@/lib/db/migrator';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Kaiji cannot start: DATABASE_URL is not set (postgresql://user:password@host:5432/database).');
  process.exit(1);
}
try {
  const applied = await migrate(url, { log: (l) => console.log(`[migrate] ${l}`) });
  console.log(applied.length ? `[migrate] applied ${applied.length} migration(s)` : '[migrate] database schema is up to date');
} catch (err) {
  console.error(`Kaiji cannot start: migrating the database failed: ${(err as Error).message}`);
  process.exit(1);
}
// Next.js's standalone server, beside this folder; a computed specifier keeps it out of this bundle.
await import(new URL('../server.js', import.meta.url).href);
