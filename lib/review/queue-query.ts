// The review queue as one SQL statement, built for the indexes on Disclosure:
//   (institutionId, status, lastSubmittedAt, id) and (institutionId, maxSeverity, lastSubmittedAt, id).
//
// Keyset pagination over (bucket, lastSubmittedAt, id) without OFFSET: a view is split into "arms", one
// per status and bucket (the bucket is the severity for the severity sort, the cycle for the deadline
// sort, and a single one for age), each an index range scan that stops after a page of rows; the arms
// are merged by a UNION ALL and the page is cut from the merge. Every arm is cheap however deep the
// page, because the cursor turns into a range condition on the index: arms of buckets before the
// cursor's are left out, the cursor's own bucket continues after (lastSubmittedAt, id), later buckets
// start from their beginning. No COUNT(*): the page fetches one row more than it shows to know whether
// there is a next page.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { Prisma } from '@/lib/generated/prisma/client';
import { type QueueCursor, type QueueParams, type QueueSort, SEVERITY_FILTERS, type SeverityFilter, sortOf, statusesOf } from './queue-params';
import { reviewInstitutions, reviewScopeSql } from './scope';
import { searchPatterns } from './search-keys';

export interface Bucket {
  key: string;
  where: Prisma.Sql;
}

export interface CycleBucket {
  id: string;
  reviewDeadline: Date;
}

const SEVERITY_BUCKET_SQL: Record<SeverityFilter, Prisma.Sql> = {
  FLAG: Prisma.sql`d."maxSeverity" = 'FLAG'::"Severity"`,
  REVIEW: Prisma.sql`d."maxSeverity" = 'REVIEW'::"Severity"`,
  INFO: Prisma.sql`d."maxSeverity" = 'INFO'::"Severity"`,
  NONE: Prisma.sql`d."maxSeverity" IS NULL`,
};

/** Escapes LIKE metacharacters so a search for "50%" finds "50%". */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The organisation key EntityMatch screening results (and so their decisions) are stored under (see lib/watchlists/record-matches.ts). */
export const ORGANISATION_KEY_SQL = Prisma.sql`CASE WHEN o."entityId" IS NOT NULL THEN 'entity:' || o."entityId"::text ELSE 'name:' || o."normalizedName" END`;

/** Conditions every arm shares: scope and filters, except status and the bucket. */
/**
 * Organisation keys with a match CONFIRMED by an institution, split by kind (lib/watchlists/record-matches.ts
 * organisationKeyOf), one entry per institution: a confirmation applies to that institution's disclosures only.
 */
export type ConfirmedKeys = { institutionId: string; names: string[]; entities: string[] }[];

export function filterSql(actor: Actor, p: QueueParams, sort: QueueSort, o: { confirmed?: ConfirmedKeys } = {}): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [reviewScopeSql(actor, 'd')];
  if (p.cycle && sort !== 'deadline') parts.push(Prisma.sql`d."cycleId" = ${p.cycle}::uuid`);
  if (p.dept) parts.push(Prisma.sql`d."departmentId" = ${p.dept}::uuid`);
  if (p.assignee === 'me') parts.push(Prisma.sql`d."assigneeId" = ${actor.userId}::uuid`);
  else if (p.assignee === 'none') parts.push(Prisma.sql`d."assigneeId" IS NULL`);
  else if (p.assignee) parts.push(Prisma.sql`d."assigneeId" = ${p.assignee}::uuid`);
  if (p.severity.length && sort !== 'severity') {
    parts.push(Prisma.sql`(${Prisma.join(p.severity.map((s) => SEVERITY_BUCKET_SQL[s]), ' OR ')})`);
  }
  if (p.rule) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Finding" f JOIN "Rule" r ON r.id = f."ruleId"
      WHERE f."disclosureId" = d.id AND f."supersededAt" IS NULL AND r.code = ${p.rule})`);
  }
  if (p.watch) {
    const pending = Prisma.sql`d."pendingMatches" > 0`;
    // The set of disclosures naming a confirmed organisation, built once per statement (the confirmed
    // keys are few; see confirmedKeys) and probed per row, instead of a join per disclosure.
    const arms: Prisma.Sql[] = [];
    for (const keys of o.confirmed ?? []) {
      const sets: Prisma.Sql[] = [];
      if (keys.names.length) sets.push(Prisma.sql`SELECT o."disclosureId" FROM "DisclosureOrganisation" o WHERE o."entityId" IS NULL AND o."normalizedName" = ANY(${keys.names}::text[])`);
      if (keys.entities.length) sets.push(Prisma.sql`SELECT o."disclosureId" FROM "DisclosureOrganisation" o WHERE o."entityId" = ANY(${keys.entities}::uuid[])`);
      if (sets.length) arms.push(Prisma.sql`(d."institutionId" = ${keys.institutionId}::uuid AND d.id IN (${Prisma.join(sets, ' UNION ALL ')}))`);
    }
    const confirmed = arms.length ? Prisma.sql`(${Prisma.join(arms, ' OR ')})` : Prisma.sql`FALSE`;
    parts.push(p.watch === 'pending' ? pending : p.watch === 'confirmed' ? confirmed : Prisma.sql`(${pending} OR ${confirmed})`);
  }
  if (p.q) {
    // Every name form of the researcher and the organisations, in the search keys written on submission
    // (lib/review/search-keys.ts), under a pg_trgm GIN index: the planner probes the index for a rare
    // term and filters the arm's ordered scan for a common one ("University" finds its page at once).
    // A term that normalises to nothing (punctuation) falls back to the display name as typed.
    const patterns = searchPatterns(p.q);
    parts.push(
      patterns.length
        ? Prisma.sql`(${Prisma.join(patterns.map((x) => Prisma.sql`d."searchText" LIKE ${x}`), ' OR ')})`
        : Prisma.sql`d."researcherName" ILIKE ${likePattern(p.q)}`,
    );
  }
  return parts;
}

/** The buckets of a sort, in order. Deadline buckets are the cycles in scope (earliest review deadline first). */
export function bucketsOf(p: QueueParams, sort: QueueSort, cycles: readonly CycleBucket[]): Bucket[] {
  if (sort === 'severity') {
    const chosen = p.severity.length ? SEVERITY_FILTERS.filter((s) => p.severity.includes(s)) : SEVERITY_FILTERS;
    return chosen.map((s) => ({ key: s, where: SEVERITY_BUCKET_SQL[s] }));
  }
  if (sort === 'deadline') {
    return [...cycles]
      .filter((c) => !p.cycle || c.id === p.cycle)
      .sort((a, b) => a.reviewDeadline.getTime() - b.reviewDeadline.getTime() || (a.id < b.id ? -1 : 1))
      .map((c) => ({ key: c.id, where: Prisma.sql`d."cycleId" = ${c.id}::uuid` }));
  }
  return [{ key: 'all', where: Prisma.sql`TRUE` }];
}

export interface QueueQuery {
  sql: Prisma.Sql;
  buckets: Bucket[];
}

/**
 * The statement for one page: `limit` rows (ask for one more than shown) with the columns the queue
 * shows, in queue order. Null when the cursor's bucket no longer exists (then: first page).
 */
export function queueQuery(
  actor: Actor,
  p: QueueParams,
  o: { cursor: QueueCursor | null; cycles: readonly CycleBucket[]; limit: number; confirmed?: ConfirmedKeys },
): QueueQuery {
  const sort = sortOf(p);
  const desc = sort === 'newest';
  const buckets = bucketsOf(p, sort, o.cycles);
  const filters = filterSql(actor, p, sort, { confirmed: o.confirmed });
  let from = 0;
  if (o.cursor) {
    const at = buckets.findIndex((b) => b.key === o.cursor!.bucket);
    from = at < 0 ? 0 : at;
  }
  const cursor = o.cursor && buckets[from]?.key === o.cursor.bucket ? o.cursor : null;
  // One arm per institution too: an equality on the index's first column keeps each arm an ordered
  // range scan (the scope condition in `filters` stays the authority on what may be read).
  const scoped = reviewInstitutions(actor);
  const institutions = scoped === 'all' ? [Prisma.sql`TRUE`] : scoped.map((id) => Prisma.sql`d."institutionId" = ${id}::uuid`);
  const arms: Prisma.Sql[] = [];
  buckets.forEach((bucket, index) => {
    if (index < from) return;
    const keyset =
      cursor && index === from
        ? desc
          ? Prisma.sql`(d."lastSubmittedAt", d.id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
          : Prisma.sql`(d."lastSubmittedAt", d.id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`
        : Prisma.sql`d."lastSubmittedAt" IS NOT NULL`;
    for (const institution of institutions) {
      for (const status of statusesOf(p)) {
        arms.push(Prisma.sql`(SELECT d.id, d."lastSubmittedAt" AS at, ${index}::int AS bucket FROM "Disclosure" d
          WHERE ${institution} AND d.status = ${status}::"DisclosureStatus" AND ${bucket.where} AND ${keyset} AND ${Prisma.join(filters, ' AND ')}
          ORDER BY d."lastSubmittedAt" ${Prisma.raw(desc ? 'DESC' : 'ASC')}, d.id ${Prisma.raw(desc ? 'DESC' : 'ASC')}
          LIMIT ${o.limit})`);
      }
    }
  });
  const order = Prisma.raw(desc ? 'p.bucket ASC, p.at DESC, p.id DESC' : 'p.bucket ASC, p.at ASC, p.id ASC');
  if (!arms.length) return { sql: Prisma.sql`SELECT NULL::uuid AS id WHERE FALSE`, buckets };
  const sql = Prisma.sql`
    WITH p AS (
      SELECT * FROM (${Prisma.join(arms, ' UNION ALL ')}) u
      ORDER BY ${Prisma.raw(desc ? 'u.bucket ASC, u.at DESC, u.id DESC' : 'u.bucket ASC, u.at ASC, u.id ASC')}
      LIMIT ${o.limit}
    )
    SELECT d.id, d."researcherName", d.status::text AS status, d."stateVersion", d."maxSeverity"::text AS "maxSeverity",
           d."findingCount", d."pendingMatches", d."lastSubmittedAt", d."lastSubmittedAt"::text AS "cursorAt", p.bucket,
           c.id AS "cycleId", c.code AS "cycleCode", c."reviewDeadline",
           dep."nameJa" AS "departmentJa", dep."nameEn" AS "departmentEn",
           a.id AS "assigneeId", a."displayName" AS "assigneeName"
    FROM p
    JOIN "Disclosure" d ON d.id = p.id
    JOIN "DisclosureCycle" c ON c.id = d."cycleId"
    LEFT JOIN "Department" dep ON dep.id = d."departmentId"
    LEFT JOIN "User" a ON a.id = d."assigneeId"
    ORDER BY ${order}`;
  return { sql, buckets };
}
