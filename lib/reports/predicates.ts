// The FROM clause and the predicates every report, record list and export is built from. A figure's
// count and the list behind it use the same predicate, so they agree by construction.
//
// Aliases: d "Disclosure", c its cycle, i its institution, rp the researcher's profile, lv the latest
// submitted version (NULL for a disclosure never submitted; every DisclosureVersion is a submission).
// Organisations and findings are reached by disclosureId (indexed) as well as versionId (not indexed).
import 'server-only';
import { TALENT_PROGRAMME_LIST } from '@/lib/rules/starter';
import type { GroupSpec } from './group';
import type { RecordFilter } from './params';
import { type ReportScope } from './scope';
import { type Sql, and, raw, sql } from './sql';

export const BASE_FROM = raw(`"Disclosure" d
  JOIN "DisclosureCycle" c ON c.id = d."cycleId"
  JOIN "Institution" i ON i.id = d."institutionId"
  LEFT JOIN "ResearcherProfile" rp ON rp."userId" = d."researcherId"
  LEFT JOIN LATERAL (
    SELECT v.id, v.number, v.content, v."certifiedAt" FROM "DisclosureVersion" v
    WHERE v."disclosureId" = d.id ORDER BY v.number DESC LIMIT 1
  ) lv ON TRUE`);

const ITEMS = raw(`lv.content #> '{programmes,items}'`);
const GIFTS = raw(`CASE WHEN jsonb_typeof(lv.content #> '{gifts,items}') = 'array' THEN lv.content #> '{gifts,items}' ELSE '[]'::jsonb END`);

const ORG_KEYS = raw(`('name:' || o."normalizedName", 'entity:' || o."entityId"::text)`);
/** Match `em` was dismissed by the institution of disclosure `d` (decisions are per institution). */
const DISMISSED_HERE = raw(
  `EXISTS (SELECT 1 FROM "MatchDecision" md WHERE md."matchId" = em.id AND md."institutionId" = d."institutionId" AND md.status = 'DISMISSED')`,
);

/**
 * Gift `g.item` is a talent-programme award, which the form counts as involvement in the programme: the
 * researcher said so, or its source has a match (pending or confirmed here) on the Section 1286
 * talent-programme list — the same two signals as the starter rule `talent-programme-award`.
 */
const TALENT_GIFT = sql`((g.item->>'talentProgrammeAward') = 'true' OR EXISTS (
    SELECT 1 FROM "DisclosureOrganisation" o
    JOIN "EntityMatch" em ON em."organisationKey" IN ${ORG_KEYS} AND NOT ${DISMISSED_HERE}
    JOIN "WatchlistEntry" we ON we.id = em."watchlistEntryId" AND we."retiredAt" IS NULL
    JOIN "Watchlist" w ON w.id = we."watchlistId" AND w.code = ${TALENT_PROGRAMME_LIST}
    WHERE o."disclosureId" = d.id AND o."versionId" = lv.id AND o."itemRef" = 'gifts/' || (g.item->>'id') || '/source'))`;

/** The latest version names at least one talent-recruitment programme, or an award of one under gifts. */
export const TALENT = sql`((jsonb_typeof(${ITEMS}) = 'array' AND jsonb_array_length(${ITEMS}) > 0)
  OR EXISTS (SELECT 1 FROM jsonb_array_elements(${GIFTS}) AS g(item) WHERE ${TALENT_GIFT}))`;

/** Programme items plus talent-programme awards filed under gifts. */
export const TALENT_COUNT = sql`(CASE WHEN jsonb_typeof(${ITEMS}) = 'array' THEN jsonb_array_length(${ITEMS}) ELSE 0 END
  + (SELECT count(*)::int FROM jsonb_array_elements(${GIFTS}) AS g(item) WHERE ${TALENT_GIFT}))`;

/** Escalated by an officer, or carrying a finding of severity FLAG. */
export const FLAGGED = raw(`(d.status = 'FLAGGED' OR d."maxSeverity" = 'FLAG')`);

export const SUBMITTED = raw('(lv.id IS NOT NULL)');

/** e-Rad number: the profile's, else the one disclosed in the version. */
const ERAD = raw(`COALESCE(rp."eradNumber", (lv.content #>> '{profile,eradNumber}')::bpchar)`);

/** Domestic grants (DomesticGrant by e-Rad number) over fiscal years [fy − window + 1, fy], in yen. */
export function grantTotal(fiscalYear: number, window: number): Sql {
  return sql`(SELECT COALESCE(sum(g."amountJpy"), 0) FROM "DomesticGrant" g
    WHERE g."eradNumber" = ${ERAD} AND g."fiscalYear" BETWEEN ${fiscalYear - window + 1}::int AND ${fiscalYear}::int)`;
}

/**
 * An appointment organisation or programme sponsor of the latest version is an entry of the group list
 * (`entry`: one entry, as an SQL expression; null: any): an officer's confirmed or pending match, or
 * the same normalised name unless an officer of the disclosure's institution dismissed that pair.
 * Entries listed now, or (`atTheTime`) those listed at some time during the year the group was loaded for.
 */
export function atGroup(group: GroupSpec, entry: Sql | null = null, atTheTime = false): Sql {
  const pairs = atTheTime ? group.then : group;
  if (!pairs) throw new Error('atGroup: the group was not loaded for a fiscal year (loadGroup(code, fiscalYear))');
  if (pairs.pairIds.length === 0) return raw('FALSE');
  return sql`EXISTS (
    SELECT 1 FROM "DisclosureOrganisation" o
    CROSS JOIN unnest(${pairs.pairIds}::uuid[], ${pairs.pairKeys}::text[]) AS ge(entry_id, key)
    WHERE o."disclosureId" = d.id AND o."versionId" = lv.id
      AND (o."itemRef" LIKE 'appointments/%/organisation' OR o."itemRef" LIKE 'programmes/%/sponsor')
      AND ${entry ? sql`ge.entry_id = ${entry}` : raw('TRUE')}
      AND (
        EXISTS (SELECT 1 FROM "EntityMatch" em WHERE em."organisationKey" IN ${ORG_KEYS}
                AND em."watchlistEntryId" = ge.entry_id AND NOT ${DISMISSED_HERE})
        OR (o."normalizedName" = ge.key AND NOT EXISTS (
                SELECT 1 FROM "EntityMatch" em WHERE em."organisationKey" IN ${ORG_KEYS}
                AND em."watchlistEntryId" = ge.entry_id AND ${DISMISSED_HERE}))
      ))`;
}

/** Start and end of Japanese fiscal year `fy` (April to March, Japan time), as SQL timestamps. */
function fiscalYearBounds(fy: number): [Sql, Sql] {
  return [sql`make_timestamptz(${fy}::int, 4, 1, 0, 0, 0, 'Asia/Tokyo')`, sql`make_timestamptz(${fy + 1}::int, 4, 1, 0, 0, 0, 'Asia/Tokyo')`];
}

/**
 * Watchlist entry `we` was listed at some time during fiscal year `fy` ("listed at the time"): its current
 * period (listedAt … retiredAt) or an earlier one (WatchlistListingPeriod) overlaps the year.
 */
export function listedDuring(fy: number): Sql {
  const [start, end] = fiscalYearBounds(fy);
  return sql`((we."listedAt" < ${end} AND (we."retiredAt" IS NULL OR we."retiredAt" > ${start}))
    OR EXISTS (SELECT 1 FROM "WatchlistListingPeriod" lp WHERE lp."entryId" = we.id AND lp."listedAt" < ${end} AND lp."removedAt" > ${start}))`;
}

/** Entry `we` is listed now (screening's view of the lists). */
const LISTED_NOW = raw(`(we."retiredAt" IS NULL OR we."retiredAt" > now())`);

/**
 * Any organisation of the latest version has a pending or confirmed match on a (non-group) watchlist:
 * on an entry listed now, or (`atTheTime`: a fiscal year) on one listed at some time during that year.
 */
export function onWatchlist(watchlistCode: Sql | null = null, atTheTime: number | null = null): Sql {
  return sql`EXISTS (
    SELECT 1 FROM "DisclosureOrganisation" o
    JOIN "EntityMatch" em ON em."organisationKey" IN ${ORG_KEYS} AND NOT ${DISMISSED_HERE}
    JOIN "WatchlistEntry" we ON we.id = em."watchlistEntryId" AND ${atTheTime === null ? LISTED_NOW : listedDuring(atTheTime)}
    JOIN "Watchlist" w ON w.id = we."watchlistId" AND w.kind = 'WATCHLIST'
    WHERE o."disclosureId" = d.id AND o."versionId" = lv.id AND ${watchlistCode ? sql`w.code = ${watchlistCode}` : raw('TRUE')})`;
}

export function namesCountry(country: string): Sql {
  return sql`EXISTS (SELECT 1 FROM "DisclosureOrganisation" o WHERE o."disclosureId" = d.id AND o."versionId" = lv.id AND o.country = ${country})`;
}

export function namesProgramme(normalizedName: string): Sql {
  return sql`EXISTS (SELECT 1 FROM "DisclosureOrganisation" o WHERE o."disclosureId" = d.id AND o."versionId" = lv.id
    AND o."itemRef" LIKE 'programmes/%/programme' AND o."normalizedName" = ${normalizedName})`;
}

export function firedRule(code: string): Sql {
  return sql`EXISTS (SELECT 1 FROM "Finding" f JOIN "Rule" r ON r.id = f."ruleId"
    WHERE f."disclosureId" = d.id AND f."versionId" = lv.id AND f."supersededAt" IS NULL AND r.code = ${code})`;
}

/** Scope and cycle: what every figure of one report starts from. */
export function reportWhere(scope: ReportScope, fiscalYear: number): Sql {
  return and([scope.predicate, sql`c."fiscalYear" = ${fiscalYear}::int`]);
}

/**
 * Everything a record filter asks for, on top of reportWhere. `group` is needed for talent=group and entry
 * (loaded for the filter's fiscal year when `listed=then`). `listed` dates both kinds of list: the group
 * entry and the watchlist are each "listed now" or "listed at the time".
 */
export function figureWhere(f: RecordFilter, group: GroupSpec | null): Sql {
  const fy = f.fiscalYear ?? 0;
  const parts: (Sql | null)[] = [
    f.institution ? sql`d."institutionId" = ${f.institution}::uuid` : null,
    f.status ? sql`d.status = ${f.status}::"DisclosureStatus"` : null,
    f.severity === 'NONE'
      ? sql`${SUBMITTED} AND d."maxSeverity" IS NULL`
      : f.severity
        ? sql`d."maxSeverity" = ${f.severity}::"Severity"`
        : null,
    f.submitted ? SUBMITTED : null,
    f.flagged ? FLAGGED : null,
    f.country ? namesCountry(f.country) : null,
    f.programme ? namesProgramme(f.programme) : null,
    f.rule ? firedRule(f.rule) : null,
    f.talent ? TALENT : null,
    f.talent === 'grants' ? sql`${grantTotal(fy, f.window)} > ${f.threshold}::bigint` : null,
    // Group entry and watchlist are keys of their own, so they combine with each other and with the
    // talent figure ("at Beihang and on the METI End User List"); talent=group/watchlist without them
    // means "any entry" / "any list".
    f.talent === 'group' || f.entry ? (group ? atGroup(group, f.entry ? sql`${f.entry}::uuid` : null, f.listed === 'then') : raw('FALSE')) : null,
    f.talent === 'watchlist' || f.watchlist
      ? onWatchlist(f.watchlist ? sql`${f.watchlist}` : null, f.listed === 'then' ? fy : null)
      : null,
  ];
  return and(parts);
}
