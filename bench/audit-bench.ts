// Audit trail benchmark (`npm run bench:audit`): what the audit trail costs the writes it records, what
// the audit page costs as the trail grows, and how fast sealing and verification go. See bench/README.md.
//
//   npm run bench:audit -- [--seconds 6] [--sizes 10000,1000000,10000000] [--verify-events 200000] [--database-url URL]
//
// Without --database-url: an embedded PostgreSQL in .kaiji/bench-audit (the database is re-created on
// every run). Three measurements:
//  1. writes: W concurrent writers (8, 32), each running transactions that change one row of its own
//     (an UPDATE of a Setting, the shape of an autosave) — without audit (the baseline), with Kaiji's
//     recordAudit (the sealer running beside them every 2 s, as in production), and with the previous
//     design (a global advisory lock, read the head, link, insert) for comparison;
//  2. sealing and verification: --verify-events valid events written with COPY, then sealed
//     (sealPending) and verified (verifyAndCheckpoint, as the background job runs it), in events/s;
//  3. the audit page: the trail grown to each of --sizes with generated events (INSERT … SELECT
//     generate_series, spread over 24 monthly partitions), then the page's two queries — one page of
//     events (listAuditEvents, the page's own function) and the latest checkpoint — for a system
//     administrator and an institution's administrator, unfiltered, with each filter, and 1,000 pages
//     deep; beside the same page's SQL through plain pg.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { startEmbeddedPostgres } from '../scripts/lib/embedded-pg.mjs';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '6' },
    sizes: { type: 'string', default: '10000,1000000,10000000' },
    'verify-events': { type: 'string', default: '200000' },
    rounds: { type: 'string', default: '30' },
    'database-url': { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const SIZES = args.sizes!.split(',').map(Number);
const VERIFY_EVENTS = Number(args['verify-events']);
const ROUNDS = Number(args.rounds);
const root = path.resolve(import.meta.dirname, '..');
const log = (line: string) => console.log(line);
const DATABASE = 'kaiji_bench_audit';

let url = args['database-url'];
let stop: () => Promise<void> = async () => {};
if (!url) {
  const dir = path.join(root, '.kaiji/bench-audit/pgdata');
  log(`• embedded PostgreSQL in ${path.relative(root, dir)}`);
  const server = await startEmbeddedPostgres({ dir });
  stop = () => server.stop();
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  for (const s of [`maintenance_work_mem = '512MB'`, `shared_buffers = '1GB'`, `max_wal_size = '8GB'`, `checkpoint_timeout = '30min'`, `max_connections = 120`]) {
    await admin.query(`ALTER SYSTEM SET ${s}`);
  }
  await admin.query('SELECT pg_reload_conf()');
  await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  url = server.url(DATABASE);
}
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_SIZE = '40';

const { migrate } = await import('../lib/db/migrator');
await migrate(url);
const { db } = await import('../lib/db/client');
const { recordAudit } = await import('../lib/audit/record');
const { sealPending } = await import('../lib/audit/seal');
const { verifyAndCheckpoint, latestCheckpoint } = await import('../lib/audit/checkpoint');
const { GENESIS_HASH, eventHash } = await import('../lib/audit/hash');
const { listAuditEvents } = await import('../lib/admin/audit-log');
const { auditFilterFrom } = await import('../lib/admin/schemas/audit-filter');
type Actor = import('../lib/auth/roles').Actor;

const client = new pg.Client({ connectionString: url });
await client.connect();
const pad = (s: string | number, n: number) => String(s).padStart(n);
const padEnd = (s: string, n: number) => s.padEnd(n);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

// ---- 1. writes -------------------------------------------------------------------------------------
const OLD_LOCK = 7_204_311_002;
type Mode = 'none' | 'bare' | 'kaiji' | 'old';
await client.query(`INSERT INTO "Setting" (key, value, "updatedAt") SELECT 'bench.w' || i, '0', now() FROM generate_series(0, 63) i`);
// The previous design's chain, in a table of its own so it does not disturb the sealed one.
await client.query(`CREATE TABLE bench_old_chain (id bigserial PRIMARY KEY, "occurredAt" timestamptz NOT NULL, action text NOT NULL,
  "institutionId" uuid, details jsonb NOT NULL, "prevHash" text NOT NULL, hash text NOT NULL UNIQUE)`);
await client.query(`CREATE TABLE bench_bare (LIKE "AuditEvent" INCLUDING DEFAULTS INCLUDING INDEXES) PARTITION BY RANGE ("occurredAt")`);
await client.query(`CREATE TABLE bench_bare_all PARTITION OF bench_bare DEFAULT`);
const institutions = Array.from({ length: 40 }, () => randomUUID());

async function writeOnce(mode: Mode, w: number, n: number): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`UPDATE "Setting" SET value = ${JSON.stringify({ n })}::jsonb, "updatedAt" = now() WHERE key = ${`bench.w${w}`}`;
    const input = { action: 'bench.autosave' as const, actorEmail: `w${w}@bench.test`, entityType: 'Disclosure', entityId: `d${w}`, institutionId: institutions[w % institutions.length]!, details: { n, section: 'positions' } };
    if (mode === 'kaiji') await recordAudit(tx, input);
    // The same event row stored with nothing else: no sanitising, no hash (what any audit log costs).
    // Into a copy of the table (same partitioning, columns, defaults and indexes) so the trail stays verifiable.
    if (mode === 'bare') {
      await tx.$executeRaw`INSERT INTO bench_bare ("occurredAt", "actorEmail", action, "entityType", "entityId", "institutionId", outcome, details, hash)
        VALUES (${new Date()}, ${input.actorEmail}, ${input.action}, ${input.entityType}, ${input.entityId}, ${input.institutionId}::uuid, 'SUCCESS', ${JSON.stringify(input.details)}::jsonb, 'bare')`;
    }
    if (mode === 'old') {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${OLD_LOCK}::bigint)`;
      const last = await tx.$queryRaw<{ hash: string }[]>`SELECT hash FROM bench_old_chain ORDER BY id DESC LIMIT 1`;
      const prevHash = last[0]?.hash ?? GENESIS_HASH;
      const occurredAt = new Date();
      const fields = { occurredAt, actorId: null, actorEmail: input.actorEmail, action: input.action, entityType: input.entityType, entityId: input.entityId, institutionId: input.institutionId, outcome: 'SUCCESS', ip: null, userAgent: null, details: input.details };
      await tx.$executeRaw`INSERT INTO bench_old_chain ("occurredAt", action, "institutionId", details, "prevHash", hash)
        VALUES (${occurredAt}, ${input.action}, ${input.institutionId}::uuid, ${JSON.stringify(input.details)}::jsonb, ${prevHash}, ${eventHash(prevHash, fields)})`;
    }
  }, { maxWait: 60_000, timeout: 60_000 });
}

async function writeRun(mode: Mode, writers: number, seconds: number): Promise<number> {
  let done = 0;
  let sealing = mode === 'kaiji';
  const sealer = (async () => {
    while (sealing) {
      await sealPending();
      await new Promise((r) => setTimeout(r, 2000));
    }
  })();
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let n = 0; Date.now() < until; n++) {
        await writeOnce(mode, w, n);
        done++;
      }
    }),
  );
  sealing = false;
  await sealer;
  return done / seconds;
}

log(`\n## Audited writes (${SECONDS} s per row, best of 2, transactions per second)\n`);
log('| writers | without audit | bare event insert | ratio | Kaiji (no lock, sealed after commit) | ratio | Kaiji / bare insert | previous design (global lock) | ratio |');
log('|--------:|--------------:|------------------:|------:|-----------------------------------:|------:|--------------------:|------------------------------:|------:|');
await writeRun('kaiji', 8, 1); // warm-up
for (const writers of [8, 32]) {
  const best = async (mode: Mode) => Math.max(await writeRun(mode, writers, SECONDS), await writeRun(mode, writers, SECONDS));
  const none = await best('none');
  const bare = await best('bare');
  const kaiji = await best('kaiji');
  const old = await best('old');
  const n = (x: number, w: number) => pad(Math.round(x).toLocaleString('en'), w);
  log(`| ${pad(writers, 7)} | ${n(none, 13)} | ${n(bare, 17)} | ${pad((bare / none).toFixed(2), 5)} | ${n(kaiji, 34)} | ${pad((kaiji / none).toFixed(2), 5)} | ${pad((kaiji / bare).toFixed(2), 19)} | ${n(old, 29)} | ${pad((old / none).toFixed(2), 5)} |`);
}
await sealPending();

// ---- 2. sealing and verification --------------------------------------------------------------------
log(`\n## Sealing and verification (${VERIFY_EVENTS.toLocaleString('en')} events written with COPY)\n`);
{
  const base = await verifyAndCheckpoint();
  if (!base.ok) throw new Error(`the trail does not verify before the load: ${JSON.stringify(base.brokenAt)}`);
  const conn = await new pg.Pool({ connectionString: url, max: 1 }).connect();
  const t0 = Date.now();
  const rows = (function* () {
    const start = Date.now() - VERIFY_EVENTS;
    for (let i = 0; i < VERIFY_EVENTS; i++) {
      const fields = { occurredAt: new Date(start + i), actorId: null, actorEmail: `u${i % 997}@bench.test`, action: 'bench.verify', entityType: 'Disclosure', entityId: `d${i % 5003}`, institutionId: institutions[i % 40]!, outcome: 'SUCCESS', ip: '192.0.2.1', userAgent: 'bench', details: { i, section: 'funding' } };
      const hash = eventHash(GENESIS_HASH, fields);
      yield `${fields.occurredAt.toISOString()}\t${fields.actorEmail}\t${fields.action}\t${fields.entityType}\t${fields.entityId}\t${fields.institutionId}\tSUCCESS\t${fields.ip}\t${fields.userAgent}\t${JSON.stringify(fields.details)}\t${hash}\n`;
    }
  })();
  await pipeline(Readable.from(rows), conn.query(copyFrom(`COPY "AuditEvent" ("occurredAt", "actorEmail", action, "entityType", "entityId", "institutionId", outcome, ip, "userAgent", details, hash) FROM STDIN`)));
  conn.release();
  const load = (Date.now() - t0) / 1000;
  const t1 = Date.now();
  const sealed = await sealPending();
  const seal = (Date.now() - t1) / 1000;
  const t2 = Date.now();
  const report = await verifyAndCheckpoint();
  const verify = (Date.now() - t2) / 1000;
  if (!report.ok || report.checked !== sealed) throw new Error(`verification: ${JSON.stringify(report)}`);
  log('| step | events | seconds | events/s |');
  log('|------|-------:|--------:|---------:|');
  log(`| COPY of the events (hashes computed in Node) | ${VERIFY_EVENTS.toLocaleString('en')} | ${load.toFixed(2)} | ${Math.round(VERIFY_EVENTS / load).toLocaleString('en')} |`);
  log(`| sealPending (the sealer job) | ${sealed.toLocaleString('en')} | ${seal.toFixed(2)} | ${Math.round(sealed / seal).toLocaleString('en')} |`);
  log(`| verifyAndCheckpoint (the incremental job) | ${report.checked.toLocaleString('en')} | ${verify.toFixed(2)} | ${Math.round(report.checked / verify).toLocaleString('en')} |`);
}

// ---- 3. the audit page as the trail grows ----------------------------------------------------------
const system: Actor = { userId: randomUUID(), sessionId: 'bench', email: 'admin@bench.test', displayName: 'bench admin', locale: 'en', mfaVerified: true, memberships: [{ role: 'ADMIN', institutionId: null, allInstitutions: true }] };
const instAdmin: Actor = { ...system, email: 'admin2@bench.test', memberships: [{ role: 'ADMIN', institutionId: '00000000-0000-4000-8000-000000000007', allInstitutions: false }] };
// Months back to 23 before this one: the generated events spread over them.
await client.query(`SELECT kaiji_audit_partition((date_trunc('month', now()) - make_interval(months => i))::date) FROM generate_series(0, 23) i`);

async function growTo(size: number): Promise<number> {
  const [{ n }] = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM "AuditEvent"`)).rows as [{ n: string }];
  const have = Number(n);
  if (have >= size) return 0;
  const t0 = Date.now();
  const step = 1_000_000;
  for (let from = have; from < size; from += step) {
    const to = Math.min(size, from + step);
    // xid 1: below every real transaction, so these rows are never sealed (their hashes are not real).
    await client.query(
      `INSERT INTO "AuditEvent" ("occurredAt", "actorEmail", action, "entityType", "entityId", "institutionId", outcome, details, hash, xid)
       SELECT now() - ((${size} - g)::float8 / ${size} * interval '700 days'),
              'user' || (g % 5000) || '@bench.test',
              (ARRAY['disclosure.save','disclosure.submit','review.decision','auth.sign_in','auth.sign_out','access.denied','report.export','admin.user.invite','admin.user.disable','admin.cycle.open'])[1 + (g % 10)],
              (ARRAY['Disclosure','User','DisclosureCycle','Institution'])[1 + (g % 4)],
              'e' || (g % 100000),
              ('00000000-0000-4000-8000-' || lpad((g % 400)::text, 12, '0'))::uuid,
              'SUCCESS', jsonb_build_object('g', g), md5(g::text), 1
         FROM generate_series($1::bigint, $2::bigint - 1) g`,
      [from, to],
    );
  }
  await client.query(`VACUUM (ANALYZE) "AuditEvent"`);
  return (Date.now() - t0) / 1000;
}

const views: { name: string; actor: Actor; params: Record<string, string> }[] = [
  { name: 'system admin, no filter', actor: system, params: {} },
  { name: 'system admin, actor', actor: system, params: { actor: 'user4242@bench.test' } },
  { name: 'system admin, action prefix "admin.user"', actor: system, params: { action: 'admin.user' } },
  { name: 'system admin, record', actor: system, params: { entityType: 'Disclosure', entityId: 'e4242' } },
  { name: 'system admin, one day a year ago', actor: system, params: { from: '', to: '' } },
  { name: 'institution admin, no filter', actor: instAdmin, params: {} },
  { name: 'institution admin, action "auth.sign_in"', actor: instAdmin, params: { action: 'auth.sign_in' } },
  { name: 'system admin, 1,000 pages deep', actor: system, params: { before: '' } },
];
const yearAgo = new Date(Date.now() - 365 * 86400_000 + 9 * 3600_000).toISOString().slice(0, 16);
const yearAgoEnd = new Date(Date.now() - 364 * 86400_000 + 9 * 3600_000).toISOString().slice(0, 16);

log(`\n## The audit page as the trail grows (${ROUNDS} requests per view, ms)\n`);
log('| events | view | page p50 | p95 | plain SQL p50 | buffers |');
log('|-------:|------|---------:|----:|--------------:|--------:|');
for (const size of SIZES) {
  const loaded = await growTo(size);
  if (loaded) log(`| ${size.toLocaleString('en')} | (grown with INSERT … SELECT generate_series in ${loaded.toFixed(0)} s) | | | | |`);
  const [{ max }] = (await client.query<{ max: string }>(`SELECT max(id) AS max FROM "AuditEvent"`)).rows as [{ max: string }];
  for (const v of views) {
    const params = { ...v.params };
    if ('from' in params) Object.assign(params, { from: yearAgo, to: yearAgoEnd });
    if ('before' in params) params.before = String(BigInt(max) - BigInt(50_000));
    const filter = auditFilterFrom(params);
    const times: number[] = [];
    for (let r = 0; r < ROUNDS + 2; r++) {
      const t0 = performance.now();
      await Promise.all([listAuditEvents(v.actor, filter), latestCheckpoint()]);
      if (r >= 2) times.push(performance.now() - t0);
    }
    // The same page's statement through plain pg (what Prisma sends, written by hand).
    const where: string[] = [];
    const values: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      values.push(value);
      where.push(sql.replace('?', `$${values.length}`));
    };
    if (v.actor === instAdmin) add(`"institutionId" = ?::uuid`, '00000000-0000-4000-8000-000000000007'); // what Prisma sends for one institution
    if (filter.actor) add(`"actorEmail" = ?`, filter.actor);
    if (filter.action) add(`action LIKE ?`, `${filter.action}%`);
    if (filter.entityType) add(`"entityType" = ?`, filter.entityType);
    if (filter.entityId) add(`"entityId" = ?`, filter.entityId);
    if (filter.from) add(`"occurredAt" >= ?`, new Date(`${filter.from}:00+09:00`));
    if (filter.to) add(`"occurredAt" < ?`, new Date(new Date(`${filter.to}:00+09:00`).getTime() + 60_000));
    if (filter.before) add(`id < ?`, filter.before);
    const sql = `SELECT id, "occurredAt", "actorId", "actorEmail", action, outcome, "entityType", "entityId", "institutionId", ip, details
      FROM "AuditEvent" ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ${filter.from || filter.to ? '"occurredAt" DESC, id DESC' : 'id DESC'} LIMIT 51`;
    const plain: number[] = [];
    for (let r = 0; r < ROUNDS + 2; r++) {
      const t0 = performance.now();
      await client.query(sql, values);
      await client.query(`SELECT * FROM "AuditCheckpoint" ORDER BY id DESC LIMIT 1`);
      if (r >= 2) plain.push(performance.now() - t0);
    }
    // Pages of 8 kB the statement touched: what the page costs the database, whatever the machine's load.
    const [plan] = (await client.query<{ 'QUERY PLAN': [{ Plan: Record<string, number> }] }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, values)).rows;
    const top = plan!['QUERY PLAN'][0].Plan;
    const buffers = (top['Shared Hit Blocks'] ?? 0) + (top['Shared Read Blocks'] ?? 0);
    log(`| ${pad(size.toLocaleString('en'), 10)} | ${padEnd(v.name, 44)} | ${pad(median(times).toFixed(1), 8)} | ${pad(p95(times).toFixed(1), 6)} | ${pad(median(plain).toFixed(1), 8)} | ${pad(buffers, 7)} |`);
  }
}

await client.end();
await db.$disconnect();
await stop();
