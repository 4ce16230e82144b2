// Gathers what view v1 needs for submitted versions, in a handful of raw SQL statements however many
// versions (re-evaluation reads a national cycle in batches of thousands, dry runs hundreds at once): the
// content, cycle and exchange rates, the institution, the undismissed watchlist matches of each named
// organisation (entries still listed), the researcher's domestic grants by e-Rad number, and which
// contract attachments exist. Raw SQL with text/int/jsonb columns, because at a million versions the
// ORM's row mapping was most of the time (bench/reevaluate-bench.ts).
import 'server-only';
import type { Tx } from '@/lib/db/client';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import type { Severity } from '@/lib/generated/prisma/client';
import { organisationKeyOf } from '@/lib/watchlists/record-matches';
import { buildView, type DisclosureView, type GrantRecord, type WatchlistHit } from './view';

export interface LoadedView {
  versionId: string;
  disclosureId: string;
  institutionId: string;
  cycleId: string;
  content: DisclosureContent;
  view: DisclosureView;
  /** Distinct PENDING matches of the version's organisations (Disclosure.pendingMatches). */
  pendingMatchIds: Set<string>;
}

/** The disclosure's summary columns as they were read (re-evaluation writes only those that change). */
export interface SummaryBefore {
  maxSeverity: Severity | null;
  findingCount: number;
  pendingMatches: number;
}

interface VersionRow {
  versionId: string;
  disclosureId: string;
  institutionId: string;
  cycleId: string;
  content: DisclosureContent;
  department: string | null;
  slug: string;
  country: string;
  cycleCode: string;
  fiscalYear: number;
  profileErad: string | null;
  maxSeverity: Severity | null;
  findingCount: number;
  pendingMatches: number;
}

// The columns of a version row: the version `lv`, its disclosure `d` and what hangs off it.
const VERSION_COLUMNS = `lv.id::text AS "versionId", d.id::text AS "disclosureId", d."institutionId"::text AS "institutionId",
  d."cycleId"::text AS "cycleId", lv.content, dep.code AS department, i.slug, i.country::text AS country,
  c.code AS "cycleCode", c."fiscalYear", rtrim(rp."eradNumber") AS "profileErad",
  d."maxSeverity"::text AS "maxSeverity", d."findingCount", d."pendingMatches"`;
const VERSION_JOINS = `JOIN "Institution" i ON i.id = d."institutionId"
  JOIN "DisclosureCycle" c ON c.id = d."cycleId"
  LEFT JOIN "Department" dep ON dep.id = d."departmentId"
  LEFT JOIN "ResearcherProfile" rp ON rp."userId" = d."researcherId"`;

export async function loadViews(tx: Tx, versionIds: readonly string[], now = new Date()): Promise<Map<string, LoadedView>> {
  if (!versionIds.length) return new Map();
  const rows = await tx.$queryRawUnsafe<VersionRow[]>(
    `SELECT ${VERSION_COLUMNS} FROM "DisclosureVersion" lv JOIN "Disclosure" d ON d.id = lv."disclosureId" ${VERSION_JOINS}
     WHERE lv.id = ANY($1::uuid[])`,
    [...versionIds],
  );
  const views = await viewsOf(tx, rows, now);
  return new Map(views.map((v) => [v.versionId, v]));
}

export interface LatestBatch {
  views: (LoadedView & { before: SummaryBefore })[];
  /** The last disclosure id read (the next batch starts after it); null when there were none. */
  last: string | null;
}

/**
 * The disclosures with a submitted version whose id is after `after` and up to `through` (either end
 * open when null; of one cycle if given; at most `limit`), locked FOR UPDATE until the caller's
 * transaction ends so that a submission in between waits instead of being overwritten, with the view of
 * each one's latest version. One statement reads the batch.
 */
export async function lockLatestBatch(
  tx: Tx,
  o: { after: string | null; through?: string | null; cycleId?: string; limit?: number },
  now = new Date(),
): Promise<LatestBatch> {
  const rows = await tx.$queryRawUnsafe<VersionRow[]>(
    `WITH d AS (
       SELECT d.* FROM "Disclosure" d
       WHERE ($1::uuid IS NULL OR d.id > $1::uuid) AND ($4::uuid IS NULL OR d.id <= $4::uuid)
         AND ($2::uuid IS NULL OR d."cycleId" = $2::uuid)
         AND EXISTS (SELECT 1 FROM "DisclosureVersion" v WHERE v."disclosureId" = d.id)
       ORDER BY d.id LIMIT $3 FOR UPDATE
     )
     SELECT ${VERSION_COLUMNS} FROM d
     JOIN LATERAL (SELECT v.id, v.content FROM "DisclosureVersion" v WHERE v."disclosureId" = d.id ORDER BY v.number DESC LIMIT 1) lv ON TRUE
     ${VERSION_JOINS}
     ORDER BY d.id`,
    o.after,
    o.cycleId ?? null,
    o.limit ?? null,
    o.through ?? null,
  );
  const views = await viewsOf(tx, rows, now);
  const before = new Map(rows.map((r) => [r.versionId, { maxSeverity: r.maxSeverity, findingCount: r.findingCount, pendingMatches: r.pendingMatches }]));
  return { views: views.map((v) => ({ ...v, before: before.get(v.versionId)! })), last: rows.at(-1)?.disclosureId ?? null };
}

interface OrgRow {
  versionId: string;
  itemRef: string;
  entityId: string | null;
  name: string;
}
interface MatchRow {
  id: string;
  organisationKey: string;
  score: number;
  matchedNames: string[];
  name: string;
  reference: string;
  code: string;
  kind: 'WATCHLIST' | 'GROUP';
  nameEn: string;
  nameJa: string;
}

async function viewsOf(tx: Tx, versions: readonly VersionRow[], now: Date): Promise<LoadedView[]> {
  if (!versions.length) return [];
  const versionIds = versions.map((v) => v.versionId);
  const cycleIds = [...new Set(versions.map((v) => v.cycleId))];
  // Sequential on purpose: inside a transaction every query shares one connection.
  const rates = await tx.$queryRawUnsafe<{ cycleId: string; currency: string; rate: string }[]>(
    `SELECT "cycleId"::text AS "cycleId", rtrim(currency) AS currency, trim_scale("jpyPerUnit")::text AS rate
     FROM "ExchangeRate" WHERE "cycleId" = ANY($1::uuid[])`,
    cycleIds,
  );
  const orgRows = await tx.$queryRawUnsafe<OrgRow[]>(
    `SELECT "versionId"::text AS "versionId", "itemRef", "entityId"::text AS "entityId", name
     FROM "DisclosureOrganisation" WHERE "versionId" = ANY($1::uuid[])`,
    versionIds,
  );
  const ratesByCycle = new Map<string, Record<string, string>>();
  for (const r of rates) (ratesByCycle.get(r.cycleId) ?? ratesByCycle.set(r.cycleId, {}).get(r.cycleId)!)[r.currency] = r.rate;

  const rowsByVersion = new Map<string, { itemRef: string; key: string }[]>();
  // Registries repeat their names: each is normalised once per batch.
  const keyOfName = new Map<string, string>();
  for (const r of orgRows) {
    const list = rowsByVersion.get(r.versionId) ?? rowsByVersion.set(r.versionId, []).get(r.versionId)!;
    let key = r.entityId ? null : keyOfName.get(r.name);
    if (!key) {
      key = organisationKeyOf(r);
      if (!r.entityId) keyOfName.set(r.name, key);
    }
    list.push({ itemRef: r.itemRef, key });
  }
  const keys = [...new Set([...rowsByVersion.values()].flat().map((r) => r.key))];
  const matchRows = keys.length
    ? await tx.$queryRawUnsafe<MatchRow[]>(
        `SELECT em.id::text AS id, em."organisationKey", em.score, em."matchedNames", we.name, we.reference,
                w.code, w.kind::text AS kind, w."nameEn", w."nameJa"
         FROM "EntityMatch" em
         JOIN "WatchlistEntry" we ON we.id = em."watchlistEntryId" AND (we."retiredAt" IS NULL OR we."retiredAt" > $2)
         JOIN "Watchlist" w ON w.id = we."watchlistId"
         WHERE em."organisationKey" = ANY($1::text[])
         ORDER BY em.score DESC, em."createdAt" ASC, em.id`,
        keys,
        now,
      )
    : [];
  // Decisions are per institution (MatchDecision): a version sees only its own institution's.
  const institutionIds = [...new Set(versions.map((v) => v.institutionId))];
  const decisionRows = matchRows.length
    ? await tx.$queryRawUnsafe<{ matchId: string; institutionId: string; status: string }[]>(
        `SELECT "matchId"::text AS "matchId", "institutionId"::text AS "institutionId", status::text AS status
         FROM "MatchDecision" WHERE "matchId" = ANY($1::uuid[]) AND "institutionId" = ANY($2::uuid[])`,
        matchRows.map((m) => m.id),
        institutionIds,
      )
    : [];
  const decisionOf = new Map(decisionRows.map((r) => [`${r.institutionId}/${r.matchId}`, r.status]));
  const hitsByKey = new Map<string, (Omit<WatchlistHit, 'status'> & { matchId: string })[]>();
  for (const m of matchRows) {
    const list = hitsByKey.get(m.organisationKey) ?? hitsByKey.set(m.organisationKey, []).get(m.organisationKey)!;
    list.push({
      matchId: m.id,
      code: m.code,
      kind: m.kind,
      list: m.nameEn,
      listJa: m.nameJa,
      name: m.name,
      reference: m.reference,
      score: m.score,
      matchedNames: m.matchedNames,
    });
  }

  const eradOf = new Map(versions.map((v) => [v.versionId, v.profileErad?.trim() || v.content.profile?.eradNumber?.trim() || null]));
  const eradNumbers = [...new Set([...eradOf.values()].filter((e): e is string => !!e))];
  const contractIds = versions.flatMap((v) => v.content.appointments?.items.flatMap((a) => a.contractAttachmentIds ?? []) ?? []);
  const grants = eradNumbers.length
    ? await tx.$queryRawUnsafe<{ eradNumber: string; fiscalYear: number; projectNumber: string; amountJpy: string }[]>(
        `SELECT rtrim("eradNumber") AS "eradNumber", "fiscalYear", "projectNumber", "amountJpy"::text AS "amountJpy"
         FROM "DomesticGrant" WHERE "eradNumber" = ANY($1::bpchar[])`,
        eradNumbers,
      )
    : [];
  const attachments = contractIds.length
    ? await tx.$queryRawUnsafe<{ id: string; disclosureId: string }[]>(
        `SELECT id::text AS id, "disclosureId"::text AS "disclosureId" FROM "Attachment" WHERE id = ANY($1::uuid[]) AND "deletedAt" IS NULL`,
        contractIds,
      )
    : [];
  const grantsOf = new Map<string, GrantRecord[]>();
  for (const g of grants) {
    (grantsOf.get(g.eradNumber) ?? grantsOf.set(g.eradNumber, []).get(g.eradNumber)!).push({
      fiscalYear: g.fiscalYear,
      projectNumber: g.projectNumber,
      amountJpy: BigInt(g.amountJpy),
    });
  }
  const liveByDisclosure = new Map<string, Set<string>>();
  for (const a of attachments) (liveByDisclosure.get(a.disclosureId) ?? liveByDisclosure.set(a.disclosureId, new Set()).get(a.disclosureId)!).add(a.id);
  const none = new Set<string>();

  return versions.map((v) => {
    const hitsByRef = new Map<string, WatchlistHit[]>();
    const pending = new Set<string>();
    for (const row of rowsByVersion.get(v.versionId) ?? []) {
      const hits: WatchlistHit[] = [];
      for (const { matchId, ...h } of hitsByKey.get(row.key) ?? []) {
        const decided = decisionOf.get(`${v.institutionId}/${matchId}`);
        if (decided === 'DISMISSED') continue;
        if (decided !== 'CONFIRMED') pending.add(matchId);
        hits.push({ ...h, status: decided === 'CONFIRMED' ? 'confirmed' : 'pending' });
      }
      hitsByRef.set(row.itemRef, hits);
    }
    const erad = eradOf.get(v.versionId) ?? null;
    const view = buildView({
      content: v.content,
      cycle: { code: v.cycleCode, fiscalYear: v.fiscalYear },
      rates: ratesByCycle.get(v.cycleId) ?? {},
      institution: { slug: v.slug, country: v.country.trim() },
      department: v.department === null ? null : { code: v.department },
      eradNumber: erad,
      grants: erad ? (grantsOf.get(erad) ?? []) : [],
      hitsByRef,
      liveAttachmentIds: liveByDisclosure.get(v.disclosureId) ?? none,
    });
    return {
      versionId: v.versionId,
      disclosureId: v.disclosureId,
      institutionId: v.institutionId,
      cycleId: v.cycleId,
      content: v.content,
      view,
      pendingMatchIds: pending,
    };
  });
}
