// Review-queue benchmark: the server's queue function (lib/review/queue.ts listQueue, through Prisma)
// against the same statement sent as plain SQL through pg, over many requests per view, first pages and
// deep pages reached by following cursors. Prints median and p95 per view.
//
//   node --conditions=react-server --import tsx bench/queue-bench.ts [--database-url URL] [--rounds 5] [--pages 20]
//        [--explain] [--only TEXT] [--suggested-indexes]
//
// Needs data from bench/seed-queue.ts (it reads the institutions of interest from Setting bench.meta).
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openBenchDb } from './lib/bench-db';

const { values: args } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    rounds: { type: 'string', default: '5' },
    pages: { type: 'string', default: '20' },
    explain: { type: 'boolean', default: false },
    'suggested-indexes': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
/** Indexes proposed in bench/README.md; --suggested-indexes measures with them (and drops them after). */
const SUGGESTED = [
  `CREATE INDEX IF NOT EXISTS "Disclosure_cycleId_status_lastSubmittedAt_id_idx" ON "Disclosure" ("cycleId", "status", "lastSubmittedAt", "id")`,
  `CREATE STATISTICS IF NOT EXISTS "Disclosure_institution_cycle_stats" (dependencies) ON "institutionId", "cycleId" FROM "Disclosure"`,
];
const SUGGESTED_DROP = [`DROP INDEX IF EXISTS "Disclosure_cycleId_status_lastSubmittedAt_id_idx"`, `DROP STATISTICS IF EXISTS "Disclosure_institution_cycle_stats"`];
const ROUNDS = Number(args.rounds);
const PAGES = Number(args.pages);

const bench = await openBenchDb(args['database-url'], () => {});
process.env.DATABASE_URL = bench.url;
process.env.DATABASE_POOL_SIZE = '4';
const { listQueue, scopedCycles, confirmedKeys } = await import('../lib/review/queue');
const { queueQuery } = await import('../lib/review/queue-query');
const { parseQueueParams, decodeCursor, sortOf, PAGE_SIZE } = await import('../lib/review/queue-params');
const { db } = await import('../lib/db/client');
type Actor = import('../lib/auth/roles').Actor;

const client = new pg.Client({ connectionString: bench.url });
await client.connect();
if (args['suggested-indexes']) {
  for (const ddl of SUGGESTED) await client.query(ddl);
  await client.query('ANALYZE "Disclosure"');
}

interface Meta {
  total: number;
  currentFiscalYear: number;
  institutions: { id: string; slug: string; disclosures: number; officers: string[] }[];
}
const metaRow = await client.query<{ value: Meta }>(`SELECT value FROM "Setting" WHERE key = 'bench.meta'`);
const meta = metaRow.rows[0]?.value;
if (!meta) throw new Error('No benchmark data: run bench/seed-queue.ts first.');
const inst = meta.institutions[0]!;
const officerId = inst.officers[0]!;
const actor: Actor = {
  userId: officerId,
  sessionId: 'bench',
  email: `officer1@${inst.slug}.bench.test`,
  displayName: 'bench officer',
  locale: 'ja',
  mfaVerified: true,
  memberships: [{ role: 'OFFICER', institutionId: inst.id, allInstitutions: false }],
};
const current = await client.query<{ id: string }>(`SELECT id FROM "DisclosureCycle" WHERE "institutionId" = $1 AND "fiscalYear" = $2`, [inst.id, meta.currentFiscalYear]);
const dept = await client.query<{ id: string }>(`SELECT id FROM "Department" WHERE "institutionId" = $1 AND code = 'ENG'`, [inst.id]);
const counts = await client.query<{ total: number; open: number; approved: number }>(
  `SELECT count(*)::int AS total, count(*) FILTER (WHERE status IN ('SUBMITTED','UNDER_REVIEW','RESUBMITTED'))::int AS open,
          count(*) FILTER (WHERE status = 'APPROVED')::int AS approved FROM "Disclosure" WHERE "institutionId" = $1`,
  [inst.id],
);
// A cursor 50,000 rows deep into the approved history (found once with OFFSET, for the benchmark only).
const deep = await client.query<{ at: string; id: string }>(
  `SELECT "lastSubmittedAt"::text AS at, id FROM "Disclosure" WHERE "institutionId" = $1 AND status = 'APPROVED'
   ORDER BY "lastSubmittedAt", id OFFSET 50000 LIMIT 1`,
  [inst.id],
);
const { encodeCursor } = await import('../lib/review/queue-params');
const deepCursor = deep.rows[0] ? encodeCursor({ sort: 'oldest', bucket: 'all', at: deep.rows[0].at, id: deep.rows[0].id }) : undefined;

const views: { name: string; query: Record<string, string | string[]> }[] = [
  { name: 'open work, oldest first (default)', query: {} },
  { name: 'open work, newest first', query: { sort: 'newest' } },
  { name: 'open work, by severity', query: { sort: 'severity' } },
  { name: 'open work, by review deadline', query: { sort: 'deadline' } },
  { name: 'current cycle + department', query: { cycle: current.rows[0]!.id, dept: dept.rows[0]!.id } },
  { name: 'severity FLAG', query: { severity: 'FLAG' } },
  { name: 'rule EFFORT_OVER_100', query: { rule: 'EFFORT_OVER_100' } },
  { name: 'assigned to me', query: { assignee: 'me' } },
  { name: 'unassigned, by severity', query: { assignee: 'none', sort: 'severity' } },
  { name: 'watchlist: pending match', query: { watch: 'pending' } },
  { name: 'watchlist: confirmed match', query: { watch: 'confirmed' } },
  { name: 'search researcher "佐藤"', query: { q: '佐藤' } },
  { name: 'search researcher "Yamada"', query: { q: 'Yamada' } },
  { name: 'search organisation "Beihang"', query: { q: 'Beihang' } },
  { name: 'search organisation "University" (common)', query: { q: 'University' } },
  { name: 'search researcher "Itō" (romaji, macron)', query: { q: 'Itō' } },
  { name: 'search organisation "北京航空" (Beihang in Chinese)', query: { q: '北京航空' } },
  { name: 'search organisation "哈爾浜" (Harbin, Japanese form)', query: { q: '哈爾浜' } },
  { name: 'search "Nowhere Institute" (no match)', query: { q: 'Nowhere Institute' } },
  { name: 'all statuses, oldest first', query: { status: ['SUBMITTED', 'UNDER_REVIEW', 'RESUBMITTED', 'RETURNED', 'APPROVED', 'FLAGGED'] } },
  { name: 'approved history, oldest', query: { status: 'APPROVED' } },
  { name: 'approved history from 50,000 deep', query: { status: 'APPROVED', ...(deepCursor ? { cursor: deepCursor } : {}) } },
  { name: 'approved, search "Harbin"', query: { status: 'APPROVED', q: 'Harbin' } },
];

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (n: number) => n.toFixed(1);

/** Walks up to PAGES pages of a view through listQueue, timing each request; returns the cursors used. */
async function walkPrisma(query: Record<string, string | string[]>): Promise<{ times: number[]; cursors: (string | undefined)[]; rows: number }> {
  const times: number[] = [];
  const cursors: (string | undefined)[] = [];
  let cursor = typeof query.cursor === 'string' ? query.cursor : undefined;
  let rows = 0;
  for (let page = 0; page < PAGES; page++) {
    const params = parseQueueParams({ ...query, ...(cursor ? { cursor } : {}) });
    cursors.push(cursor);
    const t = performance.now();
    const res = await listQueue(actor, params);
    times.push(performance.now() - t);
    rows += res.rows.length;
    if (!res.nextCursor) break;
    cursor = res.nextCursor;
  }
  return { times, cursors, rows };
}

/** The same pages as plain SQL through pg: the statement listQueue sends, with the same cursors. */
async function walkPg(query: Record<string, string | string[]>, cursors: (string | undefined)[], explain = false): Promise<number[]> {
  const times: number[] = [];
  for (const [i, cursor] of cursors.entries()) {
    const params = parseQueueParams({ ...query, ...(cursor ? { cursor } : {}) });
    const sort = sortOf(params);
    const cycles = sort === 'deadline' ? await scopedCycles(actor) : [];
    const confirmed = params.watch && params.watch !== 'pending' ? await confirmedKeys(actor) : undefined;
    const { sql } = queueQuery(actor, params, { cursor: decodeCursor(params.cursor, sort), cycles, limit: PAGE_SIZE + 1, confirmed });
    const t = performance.now();
    await client.query(sql.text, sql.values as unknown[]);
    times.push(performance.now() - t);
    if (explain && (i === 0 || i === cursors.length - 1)) {
      const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql.text}`, sql.values as unknown[]);
      console.log(`\n--- page ${i + 1} ---\n${plan.rows.map((r) => r['QUERY PLAN']).join('\n')}`);
    }
  }
  return times;
}

console.log(`Review queue benchmark — ${meta.total.toLocaleString('en')} disclosures in the database; officer of ${inst.slug}`);
console.log(
  `institution ${inst.slug}: ${counts.rows[0]!.total.toLocaleString('en')} disclosures, ${counts.rows[0]!.open.toLocaleString('en')} open, ${counts.rows[0]!.approved.toLocaleString('en')} approved`,
);
console.log(`${ROUNDS} rounds × up to ${PAGES} pages of ${PAGE_SIZE} per view (cursor-following); times in ms\n`);

const header = ['view', 'requests', 'rows', 'listQueue p50', 'p95', 'plain SQL p50', 'p95'];
const table: string[][] = [];
const allPrisma: number[] = [];
const allPg: number[] = [];
for (const view of views.filter((v) => !args.only || v.name.includes(args.only))) {
  await walkPrisma(view.query); // warm-up: plans, caches, connections
  const prisma: number[] = [];
  const plain: number[] = [];
  let rows = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const w = await walkPrisma(view.query);
    prisma.push(...w.times);
    rows = w.rows;
    plain.push(...(await walkPg(view.query, w.cursors, args.explain && r === 0)));
    if (args.explain && r === 0) console.log(`(${view.name})`);
  }
  allPrisma.push(...prisma);
  allPg.push(...plain);
  table.push([view.name, String(prisma.length), String(rows), ms(percentile(prisma, 50)), ms(percentile(prisma, 95)), ms(percentile(plain, 50)), ms(percentile(plain, 95))]);
}
table.push(['all views', String(allPrisma.length), '', ms(percentile(allPrisma, 50)), ms(percentile(allPrisma, 95)), ms(percentile(allPg, 50)), ms(percentile(allPg, 95))]);

const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`);
for (const row of table) console.log(line(row));

if (args['suggested-indexes']) for (const ddl of SUGGESTED_DROP) await client.query(ddl);
await client.end();
await db.$disconnect();
await bench.stop();
