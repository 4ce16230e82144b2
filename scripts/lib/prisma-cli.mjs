// Runs Prisma's CLIs offline. Prisma 7's CLI (node_modules/prisma) generates the client; the schema
// engine it would download for migrate/diff is unreachable here, so schema diffs go through Prisma
// 6.19's WebAssembly engine, installed as `prisma-differ` (see README, "Migrations").
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const prisma7 = path.join(root, 'node_modules/prisma/build/index.js');
const prisma6 = path.join(root, 'node_modules/prisma-differ/build/index.js');

// The CLIs only check that these files exist before falling back to their WebAssembly engines.
const offlineEnv = () => ({
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
  PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
  CHECKPOINT_DISABLE: '1',
});

export function prismaGenerate() {
  const res = spawnSync(process.execPath, [prisma7, 'generate'], { cwd: root, env: offlineEnv(), encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`prisma generate failed:\n${res.stdout}\n${res.stderr}`);
}

/**
 * Prints the SQL that takes a database from `fromSchema` (a schema file path, or null for an empty
 * database) to `toSchema`. Needs a reachable PostgreSQL at `databaseUrl` (used by the engine, not changed).
 */
export function prismaDiff({ fromSchema, toSchema, databaseUrl }) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kaiji-diff-'));
  try {
    const copy = (file, name) => {
      const text = fs.readFileSync(file, 'utf8').replace(
        /datasource\s+db\s*\{/,
        (m) => `${m}\n  url = env("DATABASE_URL")`,
      );
      const out = path.join(tmp, name);
      fs.writeFileSync(out, text);
      return out;
    };
    const to = copy(toSchema, 'to.prisma');
    const from = fromSchema ? copy(fromSchema, 'from.prisma') : null;
    const adapter = path.join(root, 'node_modules/@prisma/adapter-pg/dist/index.mjs');
    const config = path.join(tmp, 'differ.config.mjs');
    fs.writeFileSync(
      config,
      `import { PrismaPg } from ${JSON.stringify(adapter)};
export default {
  experimental: { adapter: true },
  engine: 'js',
  schema: ${JSON.stringify(to)},
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL }),
};
`,
    );
    const args = [prisma6, 'migrate', 'diff', '--config', config];
    args.push(...(from ? ['--from-schema-datamodel', from] : ['--from-empty']));
    args.push('--to-schema-datamodel', to, '--script');
    const res = spawnSync(process.execPath, args, {
      cwd: tmp,
      env: { ...offlineEnv(), DATABASE_URL: databaseUrl },
      encoding: 'utf8',
    });
    if (res.status !== 0) throw new Error(`prisma migrate diff failed:\n${res.stdout}\n${res.stderr}`);
    return res.stdout;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
