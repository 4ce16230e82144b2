// Rule re-evaluation of a national cycle: lib/rules/reevaluate.ts's runReevaluation (the background task
// `rules.reevaluate`, as an activation queues it) over every submitted disclosure, beside reading the same
// rows from PostgreSQL and doing nothing with them. Prints disclosures per second, this process's CPU
// time and the machine's load average; no assertions.
//
//   npm run bench:reevaluate -- [--disclosures 1000000] [--batch 1000] [--database-url URL]
//
// Without --database-url: an embedded PostgreSQL with its data in .kaiji/bench-reevaluate (kept between
// runs), loaded once by bench/seed-queue.ts --content full. Each run activates a fresh copy of the
// starter ruleset (new rule ids), so the first pass supersedes every finding and writes the new ones
// (the work after an activation), and the second pass finds nothing to change (after a grant import
// that moved no total). See bench/README.md.
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { migrate } from '../lib/db/migrator';
import { seededBenchDb } from './lib/bench-db';

const { values: args } = parseArgs({
  options: {
    disclosures: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '1000' },
    'database-url': { type: 'string' },
  },
});
const WANTED = Number(args.disclosures);
const BATCH = Number(args.batch);
const DATABASE = 'kaiji_bench_reevaluate';
const log = (line: string) => console.log(line);

// ---- the database ----------------------------------------------------------------------------------
const bench = await seededBenchDb({
  databaseUrl: args['database-url'],
  name: 'bench-reevaluate',
  database: DATABASE,
  disclosures: WANTED,
  settings: [`maintenance_work_mem = '1GB'`, `shared_buffers = '1GB'`, `max_wal_size = '8GB'`, `checkpoint_timeout = '30min'`, `random_page_cost = 1.1`],
  nodeArgs: ['--conditions=react-server', '--import', 'tsx'],
  seedArgs: ['--content', 'full'],
  log,
});
const url = bench.url;
await migrate(url);
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_SIZE = '4';

const { db } = await import('../lib/db/client');
const { runReevaluation } = await import('../lib/rules/reevaluate');
const { STARTER_RULES, STARTER_RULESET } = await import('../lib/rules/starter');
const { VIEW_VERSION } = await import('../lib/rules/view-schema');

const client = new pg.Client({ connectionString: url });
await client.connect();

// ---- a fresh activation of the starter ruleset ------------------------------------------------------
// The generator's ruleset (expressions `true`) is retired; the starter ruleset gets a new version with
// the same rules, effective now, so every current finding belongs to a rule no longer in force.
await client.query(`UPDATE "RulesetVersion" SET status = 'RETIRED', "effectiveTo" = now() - interval '1 second'
                    WHERE status = 'ACTIVE'`);
const rs = await client.query<{ id: string }>(
  `INSERT INTO "Ruleset" (code, "nameJa", "nameEn") VALUES ($1, $2, $3)
   ON CONFLICT (code) DO UPDATE SET code = EXCLUDED.code RETURNING id`,
  [STARTER_RULESET.code, STARTER_RULESET.nameJa, STARTER_RULESET.nameEn],
);
const rulesetId = rs.rows[0]!.id;
const next = (await client.query<{ v: number }>(`SELECT COALESCE(max(version), 0) + 1 AS v FROM "RulesetVersion" WHERE "rulesetId" = $1`, [rulesetId])).rows[0]!.v;
const rsv = await client.query<{ id: string }>(
  `INSERT INTO "RulesetVersion" ("rulesetId", version, status, "effectiveFrom", "activatedAt", "viewVersion")
   VALUES ($1, $2, 'ACTIVE', now() - interval '1 second', now(), $3) RETURNING id`,
  [rulesetId, next, VIEW_VERSION],
);
for (const r of STARTER_RULES) {
  await client.query(
    `INSERT INTO "Rule" ("rulesetVersionId", code, "titleJa", "titleEn", "forEach", expression, severity, "messageJa", "messageEn", "citationJa", "citationEn", params)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [rsv.rows[0]!.id, r.code, r.titleJa, r.titleEn, r.forEach ?? null, r.expression, r.severity, r.messageJa, r.messageEn, r.citationJa, r.citationEn, JSON.stringify(r.params ?? {})],
  );
}
await client.query('ANALYZE');
const submitted = (
  await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Disclosure" d WHERE EXISTS (SELECT 1 FROM "DisclosureVersion" v WHERE v."disclosureId" = d.id)`)
).rows[0]!.n;
log(`• ${submitted.toLocaleString('en')} submitted disclosures; starter ruleset version ${next} activated`);

// ---- measuring --------------------------------------------------------------------------------------
interface Row {
  label: string;
  items: number;
  seconds: number;
  cpuSeconds: number;
  load: number;
  note?: string;
}
const rows: Row[] = [];
async function measure(label: string, run: () => Promise<{ items: number; note?: string }>) {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const { items, note } = await run();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const row = { label, items, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, load: os.loadavg()[0]!, note };
  rows.push(row);
  log(`  ${label}: ${items.toLocaleString('en')} in ${seconds.toFixed(1)} s (CPU ${row.cpuSeconds.toFixed(1)} s, load ${row.load.toFixed(1)})${note ? `; ${note}` : ''}`);
}

// What the re-evaluation reads, read by itself: each disclosure's latest version (its content parsed, as
// the evaluation needs it) and the organisations it names, in keyset batches of the same size.
async function plainRead(): Promise<{ items: number }> {
  let after: string | null = null;
  let items = 0;
  for (;;) {
    const res: pg.QueryResult<{ id: string; vid: string; content: unknown }> = await client.query(
      `SELECT d.id::text AS id, lv.id::text AS vid, lv.content FROM "Disclosure" d
       JOIN LATERAL (SELECT v.id, v.content FROM "DisclosureVersion" v WHERE v."disclosureId" = d.id ORDER BY v.number DESC LIMIT 1) lv ON TRUE
       WHERE ($1::uuid IS NULL OR d.id > $1::uuid) ORDER BY d.id LIMIT $2`,
      [after, BATCH],
    );
    if (!res.rows.length) break;
    await client.query(`SELECT "versionId", "itemRef", "entityId", name FROM "DisclosureOrganisation" WHERE "versionId" = ANY($1::uuid[])`, [
      res.rows.map((r) => r.vid),
    ]);
    items += res.rows.length;
    after = res.rows.at(-1)!.id;
  }
  return { items };
}

/** The same rows as one COPY … TO STDOUT, chunks dropped on arrival (PostgreSQL's own streaming rate). */
async function plainCopy(): Promise<{ items: number }> {
  const stream = client.query(
    copyTo(`COPY (SELECT d.id, lv.content FROM "Disclosure" d
      JOIN LATERAL (SELECT v.id, v.content FROM "DisclosureVersion" v WHERE v."disclosureId" = d.id ORDER BY v.number DESC LIMIT 1) lv ON TRUE
      ORDER BY d.id) TO STDOUT`),
  );
  for await (const chunk of stream as AsyncIterable<Buffer>) void chunk;
  return { items: stream.rowCount };
}

const reevaluate = async () => {
  let lastShown = 0;
  const result = (await runReevaluation(
    {
      params: { reason: 'manual' },
      progress: async (done) => {
        if (done - lastShown >= 100_000) {
          lastShown = done;
          process.stderr.write(`    … ${done.toLocaleString('en')}\n`);
        }
      },
    },
    { batch: BATCH },
  )) as { disclosures: number; changed: number; added: number; superseded: number };
  return { items: result.disclosures, note: `${result.changed.toLocaleString('en')} changed, ${result.added.toLocaleString('en')} findings added, ${result.superseded.toLocaleString('en')} superseded` };
};

await measure('baseline: COPY (disclosure + latest version) TO STDOUT, discarded', plainCopy);
await measure(`baseline: plain read, keyset batches of ${BATCH} (latest version + organisations)`, plainRead);
await measure('runReevaluation after an activation (every finding replaced)', reevaluate);
await measure('runReevaluation again (nothing changes)', reevaluate);

const fmt = (n: number, d = 0) => n.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
const w = Math.max(...rows.map((r) => r.label.length));
log('');
log(`| ${'measurement'.padEnd(w)} | ${'disclosures'.padStart(11)} | ${'seconds'.padStart(7)} | ${'per second'.padStart(10)} | ${'CPU s (Node)'.padStart(12)} | ${'load'.padStart(4)} |`);
log(`|${'-'.repeat(w + 2)}|${'-'.repeat(13)}|${'-'.repeat(9)}|${'-'.repeat(12)}|${'-'.repeat(14)}|${'-'.repeat(6)}|`);
for (const r of rows) {
  log(`| ${r.label.padEnd(w)} | ${fmt(r.items).padStart(11)} | ${fmt(r.seconds, 1).padStart(7)} | ${fmt(r.items / r.seconds).padStart(10)} | ${fmt(r.cpuSeconds, 1).padStart(12)} | ${fmt(r.load, 1).padStart(4)} |`);
}
const read = rows[1]!;
for (const r of rows.slice(2)) log(`ratio ${r.label} / plain read: ${(r.items / r.seconds / (read.items / read.seconds)).toFixed(2)}`);
log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; load average (1 min) at the end ${os.loadavg()[0]!.toFixed(1)}`);

await client.end();
await db.$disconnect();
await bench.stop();
