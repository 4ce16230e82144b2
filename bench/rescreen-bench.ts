// The registry re-screen after a list import (lib/watchlists/rescreen.ts) at national scale: 100,000
// distinct organisations against 10,000 synthetic entries, beside the plain baseline of only reading
// the registry from PostgreSQL. Starts its own embedded PostgreSQL; no assertions, figures to read.
// Run: node --conditions=react-server --import tsx bench/rescreen-bench.ts [--organisations 100000]
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { migrate } from '../lib/db/migrator';
import { startEmbeddedPostgres } from '../scripts/lib/embedded-pg.mjs';
import { misspell, rng, SYLLABLES, syntheticNames } from './lib/synthetic';

const { values } = parseArgs({ options: { organisations: { type: 'string', default: '100000' }, entries: { type: 'string', default: '10000' } } });
const ORGANISATIONS = Number(values.organisations);
const ENTRIES = Number(values.entries);

const server = await startEmbeddedPostgres({ dir: path.join(os.tmpdir(), `kaiji-rescreen-${randomUUID().slice(0, 8)}`), ephemeral: true });
const admin = new pg.Client({ connectionString: server.url('postgres') });
await admin.connect();
await admin.query('CREATE DATABASE kaiji_rescreen');
const url = server.url('kaiji_rescreen');
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_SIZE = '4';

try {
  await migrate(url);
  const { db } = await import('../lib/db/client');
  const { normalizeName, searchTextOf } = await import('../lib/watchlists/normalize');
  const { registryOrganisations, rescreenRegistry } = await import('../lib/watchlists/rescreen');

  const listed = syntheticNames(ENTRIES);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  process.stderr.write('Loading the list and the registry…\n');
  const w = await db.watchlist.create({ data: { code: 'synthetic', nameJa: '合成', nameEn: 'Synthetic', source: 'bench', isSample: true } });
  const entryRows = listed.map((name, i) => ({ watchlistId: w.id, reference: `SYN-${i}`, name, country: 'CN', searchText: searchTextOf({ name }) }));
  for (let i = 0; i < entryRows.length; i += 2000) await db.watchlistEntry.createMany({ data: entryRows.slice(i, i + 2000) });

  // Distinct organisations: a tenth listed names, three tenths misspelt, the rest unrelated.
  const r = rng(11);
  const word = () => SYLLABLES[Math.floor(r() * SYLLABLES.length)]! + SYLLABLES[Math.floor(r() * SYLLABLES.length)]!;
  const names = new Set<string>();
  for (const n of listed.slice(0, Math.floor(ORGANISATIONS / 10))) names.add(n);
  while (names.size < ORGANISATIONS * 0.4) names.add(misspell(listed[Math.floor(r() * listed.length)]!, r));
  while (names.size < ORGANISATIONS) names.add(`${word()} ${word()} University of ${word()}`);
  const orgNames = [...names];
  // Organisations are disclosed rows; the disclosures themselves are not needed to screen them.
  await client.query('SET session_replication_role = replica');
  for (let i = 0; i < orgNames.length; i += 10_000) {
    const chunk = orgNames.slice(i, i + 10_000);
    await client.query(
      `INSERT INTO "DisclosureOrganisation" (id, "disclosureId", "versionId", name, "normalizedName", country, "itemRef")
       SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), n, k, 'CN', 'appointments/x/organisation'
       FROM unnest($1::text[], $2::text[]) AS t(n, k)`,
      [chunk, chunk.map(normalizeName)],
    );
  }
  await client.query('SET session_replication_role = DEFAULT');
  await client.query('ANALYZE');

  const rows: [string, number, number][] = [];
  const time = async <T>(label: string, items: number, fn: () => Promise<T>): Promise<T> => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = await fn();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(c0);
    rows.push([label, items, seconds]);
    process.stderr.write(`  ${label}: ${seconds.toFixed(2)} s (this process's CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)\n`);
    return out;
  };
  process.stderr.write('Re-screening…\n');
  await time('baseline: read the registry (GROUP BY organisation key), plain pg', ORGANISATIONS, async () => {
    const res = await client.query(
      `SELECT CASE WHEN o."entityId" IS NOT NULL THEN 'entity:' || o."entityId"::text ELSE 'name:' || o."normalizedName" END AS key,
              array_agg(DISTINCT o.name) AS names FROM "DisclosureOrganisation" o GROUP BY 1`,
    );
    return res.rowCount;
  });
  await time('registryOrganisations (the same through Prisma)', ORGANISATIONS, () => registryOrganisations(db));
  const first = await time('rescreenRegistry, first run (index compile + screen + write + recount)', ORGANISATIONS, () => rescreenRegistry());
  const again = await time('rescreenRegistry, again (nothing changed)', ORGANISATIONS, () => rescreenRegistry());

  const w1 = Math.max(...rows.map(([l]) => l.length));
  console.log(`| ${'measurement'.padEnd(w1)} | organisations | seconds | organisations/s |`);
  console.log(`|${'-'.repeat(w1 + 2)}|--------------:|--------:|----------------:|`);
  for (const [l, n, s] of rows) console.log(`| ${l.padEnd(w1)} | ${n.toLocaleString('en-US').padStart(13)} | ${s.toFixed(2).padStart(7)} | ${Math.round(n / s).toLocaleString('en-US').padStart(15)} |`);
  console.log('');
  console.log(`First run: ${first.matched.toLocaleString('en-US')} organisations matched, ${first.created.toLocaleString('en-US')} matches written; again: ${again.created} new, ${again.updated} changed.`);
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; ${ENTRIES.toLocaleString('en-US')} synthetic entries.`);
  await client.end();
  await db.$disconnect();
} finally {
  await admin.query('DROP DATABASE IF EXISTS kaiji_rescreen WITH (FORCE)').catch(() => {});
  await admin.end();
  await server.stop();
}
