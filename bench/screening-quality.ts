// Precision and recall of watchlist screening over the labelled table lib/watchlists/screening-cases.ts
// (real names: variants of listed entries, and real unlisted institutions that look like them),
// against the seeded sample lists. Starts its own embedded PostgreSQL. No assertions: the test
// lib/watchlists/screening-cases.test.ts asserts every row; this prints the figures.
// Run: node --conditions=react-server --import tsx bench/screening-quality.ts (the lists are the repository's
// copies in lib/watchlists/public-lists and samples; seedWatchlists fails if one is missing).
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '../lib/db/migrator';
import { startEmbeddedPostgres } from '../scripts/lib/embedded-pg.mjs';

const server = await startEmbeddedPostgres({ dir: path.join(os.tmpdir(), `kaiji-quality-${randomUUID().slice(0, 8)}`), ephemeral: true });
const admin = new pg.Client({ connectionString: server.url('postgres') });
await admin.connect();
await admin.query('CREATE DATABASE kaiji_quality');
const url = server.url('kaiji_quality');
process.env.DATABASE_URL = url;
try {
  await migrate(url);
  const { db } = await import('../lib/db/client');
  const { seedWatchlists } = await import('../lib/watchlists/seed');
  const { screenOrganisation } = await import('../lib/watchlists/screen');
  const { POSITIVE_CASES, NEGATIVE_CASES } = await import('../lib/watchlists/screening-cases');
  await db.$transaction((tx) => seedWatchlists(tx), { timeout: 300_000 });

  const found = async (q: string) => new Set((await screenOrganisation(q)).map((m) => `${m.watchlist.code}: ${m.entry.name}`));
  const perClass = new Map<string, { tp: number; fn: number; fp: number; tn: number }>();
  const tally = (c: string) => perClass.get(c) ?? (perClass.set(c, { tp: 0, fn: 0, fp: 0, tn: 0 }), perClass.get(c)!);
  const misses: string[] = [];
  for (const c of POSITIVE_CASES) {
    const f = await found(c.query);
    for (const e of c.expect) {
      if (f.has(e)) tally(c.class).tp++;
      else {
        tally(c.class).fn++;
        misses.push(`missed   ${c.query} → ${e}`);
      }
    }
  }
  for (const c of NEGATIVE_CASES) {
    const f = await found(c.query);
    const wrong = c.reject.length ? c.reject.filter((r) => f.has(r)) : [...f];
    if (wrong.length) {
      tally(c.class).fp += wrong.length;
      misses.push(`reported ${c.query} → ${wrong.join('; ')}`);
    } else tally(c.class).tn++;
  }
  const sum = [...perClass.values()].reduce((a, b) => ({ tp: a.tp + b.tp, fn: a.fn + b.fn, fp: a.fp + b.fp, tn: a.tn + b.tn }), { tp: 0, fn: 0, fp: 0, tn: 0 });
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  console.log(`| class | expected pairs found | expected pairs missed | false positives | negatives kept apart |`);
  console.log(`| --- | ---: | ---: | ---: | ---: |`);
  for (const [c, t] of perClass) console.log(`| ${c} | ${t.tp} | ${t.fn} | ${t.fp} | ${t.tn} |`);
  console.log(`| all | ${sum.tp} | ${sum.fn} | ${sum.fp} | ${sum.tn} |`);
  console.log('');
  console.log(`${POSITIVE_CASES.length} positive names (${sum.tp + sum.fn} expected pairs), ${NEGATIVE_CASES.length} negative names.`);
  console.log(`recall ${pct(sum.tp / (sum.tp + sum.fn))}, precision ${pct(sum.tp / (sum.tp + sum.fp || 1))}`);
  for (const m of misses) console.log(`  ${m}`);
  await db.$disconnect();
} finally {
  await admin.query('DROP DATABASE IF EXISTS kaiji_quality WITH (FORCE)').catch(() => {});
  await admin.end();
  await server.stop();
}
