// Export benchmark: Kaiji's streamed CSV export of a million disclosures (lib/reports/export/csv.ts,
// the path the download route takes, ending in a web ReadableStream) beside PostgreSQL's own
// COPY (the same SELECT) TO STDOUT consumed and discarded; the XLSX of the same list (xlsx.ts) and
// the PDF summary of the latest fiscal year over every institution. Prints rows per second, peak RSS of this
// process while each runs, and the ratio.
//
//   TSX_TSCONFIG_PATH=tsconfig.scripts.json node --expose-gc --import tsx bench/export-bench.ts [--disclosures 1000000] [--rounds 3] [--database-url URL]
//
// Without --database-url: an embedded PostgreSQL with its data in .kaiji/bench-export (kept between
// runs), loaded once by bench/seed-queue.ts (COPY … FROM STDIN) with --disclosures synthetic
// disclosures. The export covers every fiscal year (the record list's WHERE without its year), so all
// of them are exported. See bench/README.md.
import { once } from 'node:events';
import { PassThrough, Readable, Writable } from 'node:stream';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { seededBenchDb } from './lib/bench-db';

const { values: args } = parseArgs({
  options: {
    disclosures: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '3' },
    'database-url': { type: 'string' },
  },
});
const WANTED = Number(args.disclosures);
const ROUNDS = Math.max(1, Number(args.rounds));
const DATABASE = 'kaiji_bench_export';
const log = (line: string) => console.log(line);

// ---- the database ----------------------------------------------------------------------------------
const bench = await seededBenchDb({
  databaseUrl: args['database-url'],
  name: 'bench-export',
  database: DATABASE,
  disclosures: WANTED,
  settings: [`maintenance_work_mem = '1GB'`, `shared_buffers = '1GB'`, `max_wal_size = '8GB'`, `work_mem = '256MB'`, `checkpoint_timeout = '30min'`],
  nodeArgs: ['--import', 'tsx'],
  env: { TSX_TSCONFIG_PATH: 'tsconfig.scripts.json' },
  log,
});
const url = bench.url;
process.env.DATABASE_URL = url;
process.env.REPORTS_POOL_SIZE = '2';

const { recordQuery } = await import('../lib/reports/records');
const { recordsCsv } = await import('../lib/reports/export/csv');
const { copyStatement } = await import('../lib/reports/export/select');
const { exportFooter, exportTranslator } = await import('../lib/reports/export/footer');
const { reportScope } = await import('../lib/reports/scope');
const { endReportsPool } = await import('../lib/reports/pg');
const { db } = await import('../lib/db/client');
const { writeRecordsXlsx } = await import('../lib/reports/export/xlsx');
const { summaryPdfInput } = await import('../lib/reports/export/summary-input');
const { writeSummaryPdf } = await import('../lib/reports/export/pdf/summary');
type Actor = import('../lib/auth/roles').Actor;

const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query('ANALYZE');
const total = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Disclosure"`)).rows[0]!.n;
const fy = (await client.query<{ fy: number }>(`SELECT max("fiscalYear") AS fy FROM "DisclosureCycle"`)).rows[0]!.fy;

// A nationwide auditor, as the export sees one (no session needed for the query itself).
const actor: Actor = {
  userId: '00000000-0000-4000-8000-00000000beef',
  sessionId: 'bench',
  email: 'bench-auditor@kaiji.test',
  displayName: 'Benchmark auditor',
  locale: 'en',
  mfaVerified: true,
  memberships: [{ role: 'AUDITOR', institutionId: null, allInstitutions: true }],
};
const q = await recordQuery(actor, { fiscalYear: fy, institutionIds: [], publication: false, threshold: 100_000_000n, window: 10 }, { locale: 'en' });
// Every fiscal year: the scope alone, instead of scope and year.
q.where = reportScope(actor).predicate;
const statement = copyStatement(q, 'csv');
// A tenth of the rows (the largest institution, every year), to show that memory does not grow with them.
const biggest = (await client.query<{ id: string }>(`SELECT "institutionId"::text AS id FROM "Disclosure" GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`)).rows[0]!.id;
const small = { ...q, where: reportScope(actor, ['audit'], [biggest]).predicate };

// ---- measuring --------------------------------------------------------------------------------------
interface Result {
  rows: number;
  bytes: number;
  seconds: number;
  peakRssMb: number;
  baseRssMb: number;
  /** This process's CPU time (user + system): what the wall clock measures on an idle machine. */
  cpuSeconds: number;
}

async function measure(run: () => Promise<{ rows: number; bytes: number }>): Promise<Result> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const { rows, bytes } = await run();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { rows, bytes, seconds, peakRssMb: peak / 2 ** 20, baseRssMb: base / 2 ** 20, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

/** PostgreSQL alone: COPY (the same SELECT) TO STDOUT, every chunk dropped on arrival. */
async function plainCopy(): Promise<{ rows: number; bytes: number }> {
  const stream = client.query(copyTo(statement));
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) bytes += chunk.length;
  return { rows: stream.rowCount, bytes };
}

/** Kaiji: recordsCsv (BOM, header, COPY chunks, footer) → PassThrough → web ReadableStream, as the route does. */
async function kaijiCsv(query = q): Promise<{ rows: number; bytes: number }> {
  const result = { rows: 0 };
  const footer = await exportFooter(actor);
  const out = new PassThrough();
  const producer = (async () => {
    for await (const chunk of recordsCsv(query, { footer, t: exportTranslator('en'), filterText: 'bench: every fiscal year' }, result)) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
  })();
  const reader = (Readable.toWeb(out) as ReadableStream<Uint8Array>).getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
  }
  await producer;
  return { rows: result.rows, bytes };
}

/** A Writable that counts and drops what it is given (the download's network side). */
function discard(): Writable & { bytes: number } {
  const w = new Writable({
    write(chunk: Buffer, _e, cb) {
      w.bytes += chunk.length;
      cb();
    },
  }) as Writable & { bytes: number };
  w.bytes = 0;
  return w;
}

/** Kaiji's XLSX: the same COPY parsed into exceljs's streaming writer, as the background export writes it. */
async function kaijiXlsx(): Promise<{ rows: number; bytes: number }> {
  const out = discard();
  const result = { rows: 0 };
  const footer = await exportFooter(actor);
  await writeRecordsXlsx(q, { footer, t: exportTranslator('en'), filterText: 'bench: every fiscal year' }, out, result);
  return { rows: result.rows, bytes: out.bytes };
}

/** The PDF summary of the four reports for the latest fiscal year, every institution (rows: disclosures that year). */
async function kaijiPdf(): Promise<{ rows: number; bytes: number }> {
  const out = discard();
  const footer = await exportFooter(actor);
  const params = { fiscalYear: fy, institutionIds: [], publication: false, threshold: 100_000_000n, window: 10 };
  const { pdf } = await summaryPdfInput(actor, params, exportTranslator('en'), 'en', footer);
  await writeSummaryPdf(pdf, out);
  return { rows: yearRows, bytes: out.bytes };
}
const yearRows = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Disclosure" d JOIN "DisclosureCycle" c ON c.id = d."cycleId" WHERE c."fiscalYear" = $1`, [fy])).rows[0]!.n;

log(`• ${total.toLocaleString('en')} disclosures; exporting all of them, ${ROUNDS} round(s) each, best kept`);
const best: Record<string, Result> = {};
for (let r = 0; r < ROUNDS; r++) {
  for (const [name, run] of [
    ['copy', plainCopy],
    ['kaiji', () => kaijiCsv()],
    ['tenth', () => kaijiCsv(small)],
    ['xlsx', kaijiXlsx],
    ['pdf', kaijiPdf],
  ] as const) {
    const res = await measure(run);
    log(`  round ${r + 1} ${name.padEnd(6)} ${res.rows.toLocaleString('en')} rows in ${res.seconds.toFixed(2)} s, peak RSS ${res.peakRssMb.toFixed(0)} MB`);
    if (!best[name] || res.seconds < best[name].seconds) best[name] = res;
    global.gc?.();
  }
}
const copy = best.copy!;
const kaiji = best.kaiji!;
const tenth = best.tenth!;
const xlsx = best.xlsx!;
const pdf = best.pdf!;
if (copy.rows !== kaiji.rows) throw new Error(`row counts differ: COPY ${copy.rows}, Kaiji ${kaiji.rows}`);

const fmt = (n: number, d = 0) => n.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });
const line = (label: string, r: Result) =>
  `| ${label.padEnd(58)} | ${fmt(r.rows).padStart(9)} | ${fmt(r.bytes / 2 ** 20, 1).padStart(7)} | ${fmt(r.seconds, 2).padStart(7)} | ${fmt(r.rows / r.seconds).padStart(9)} | ${fmt(r.cpuSeconds, 2).padStart(7)} | ${fmt(r.peakRssMb).padStart(13)} |`;
log('');
log(`| ${'path'.padEnd(58)} | ${'rows'.padStart(9)} | ${'MB'.padStart(7)} | ${'seconds'.padStart(7)} | ${'rows/s'.padStart(9)} | ${'CPU s'.padStart(7)} | ${'peak RSS (MB)'.padStart(13)} |`);
log(`|${'-'.repeat(60)}|${'-'.repeat(11)}|${'-'.repeat(9)}|${'-'.repeat(9)}|${'-'.repeat(11)}|${'-'.repeat(9)}|${'-'.repeat(15)}|`);
log(line('PostgreSQL COPY (same SELECT) TO STDOUT, discarded', copy));
log(line('Kaiji CSV export (recordsCsv → web ReadableStream)', kaiji));
log(line('Kaiji CSV export, one institution (memory check)', tenth));
log(line('Kaiji XLSX export (writeRecordsXlsx, streamed, discarded)', xlsx));
log(line(`Kaiji PDF summary of FY${fy}, all institutions`, pdf));
log('');
log(`ratio Kaiji / COPY (rows per second): ${(kaiji.rows / kaiji.seconds / (copy.rows / copy.seconds)).toFixed(3)}; XLSX / COPY: ${(xlsx.rows / xlsx.seconds / (copy.rows / copy.seconds)).toFixed(3)}`);
log(`load average (1 min) at the end: ${os.loadavg()[0]!.toFixed(1)}`);
log(`RSS before the runs: ${fmt(Math.min(copy.baseRssMb, kaiji.baseRssMb))} MB (peak RSS sampled every 20 ms while each ran; run with --expose-gc to collect before each)`);

await client.end();
await endReportsPool();
await db.$disconnect();
await bench.stop();
