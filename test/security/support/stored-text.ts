// What a call wrote to PostgreSQL, read back: the fingerprint of every table a refusal must leave alone,
// and the text of every row written since a transaction id, scanned for what the one sanitiser
// (lib/security/sanitise.ts) keeps out. A lone surrogate cannot be stored as such — the driver encodes it
// as U+FFFD — so U+FFFD in a written row is a surrogate that got past the gate (or a string cut through
// a surrogate pair); NUL cannot be stored at all (PostgreSQL refuses it, the call fails instead).
import { db } from '@/lib/db/client';

const DIRTY = '[\u202A-\u202E\u2066-\u2069\uFFFD]';

let tables: string[] | undefined;
async function publicTables(): Promise<string[]> {
  tables ??= (
    await db.$queryRaw<{ t: string }[]>`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`
  ).map((r) => r.t);
  return tables;
}

/** Row count and newest row version of every table a refusal must leave alone (the audit tables and the
 * throttle counters are what a refusal is allowed to write). */
export async function fingerprint(): Promise<string> {
  const own = (await publicTables()).filter((t) => !t.startsWith('Audit') && t !== 'RateLimit' && t !== 'Session');
  const sql = own.map((t) => `SELECT '${t}' AS t, count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text AS f FROM "${t}"`).join(' UNION ALL ');
  const rows = await db.$queryRawUnsafe<{ t: string; f: string }[]>(sql);
  return rows.map((r) => `${r.t}=${r.f}`).join(',');
}

export function changedTables(before: string, after: string): string {
  const left = new Map(before.split(',').map((x) => x.split('=') as [string, string]));
  return after
    .split(',')
    .map((x) => x.split('=') as [string, string])
    .filter(([t, f]) => left.get(t) !== f)
    .map(([t]) => t)
    .join(' ');
}

/** The current transaction id (as stored in xmin): rows written after this call have a larger one. */
export async function xidNow(): Promise<bigint> {
  const [row] = await db.$queryRaw<{ x: bigint }[]>`SELECT (txid_current() % 4294967296)::bigint AS x`;
  return BigInt(row!.x);
}

/** Rows (every public table and the job queue) written since `xid` whose text holds a bidi control or U+FFFD. */
export async function dirtyRowsSince(xid: bigint): Promise<string[]> {
  const [queue] = await db.$queryRaw<{ q: string | null }[]>`SELECT to_regclass('pgboss.job')::text AS q`;
  const sources = [...(await publicTables()).map((t) => `"${t}"`), ...(queue?.q ? ['pgboss.job'] : [])];
  const sql = sources
    .map((s) => `SELECT '${s}' AS t, left(to_jsonb(x)::text, 300) AS j FROM ${s} x WHERE x.xmin::text::bigint > $1 AND to_jsonb(x)::text ~ $2`)
    .join(' UNION ALL ');
  const rows = await db.$queryRawUnsafe<{ t: string; j: string }[]>(sql, xid, DIRTY);
  return rows.map((r) => `${r.t}: ${JSON.stringify(r.j)}`);
}
