// Prisma CLI configuration (Prisma 7). The CLI's migrate commands need Prisma's native schema engine,
// which these machines cannot download; Kaiji applies migrations with its own migrator (lib/db/migrate.ts),
// which records them in _prisma_migrations exactly as `prisma migrate deploy` would.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/kaiji' },
});
