// `npm run db:migrate`: applies pending migrations to DATABASE_URL (what a deployment runs first).
import { migrate, migrationStatus } from '@/lib/db/migrator';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the database to migrate.');
  process.exit(2);
}
const applied = await migrate(url, { log: (l) => console.log(l) });
const s = await migrationStatus(url);
console.log(applied.length ? `Applied ${applied.length} migration(s).` : 'Database schema is up to date.');
console.log(`${s.applied.length} migration(s) applied in total.`);
