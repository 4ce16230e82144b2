// The records behind a figure: disclosures (one per researcher and cycle) matching a record filter, in
// the viewer's scope. The same SELECT serves the page (keyset pages), the API and the exports (COPY).
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { loadGroup, type GroupSpec } from './group';
import type { RecordFilter } from './params';
import { query } from './pg';
import { BASE_FROM, TALENT_COUNT, figureWhere, grantTotal, reportWhere } from './predicates';
import { type ReportPurpose, type ReportScope, assertCanReport, namesPredicate, reportScope } from './scope';
import { type Sql, and, join, raw, sql } from './sql';

export type ColumnType = 'text' | 'int' | 'amount' | 'datetime';

export interface RecordColumn {
  key: string;
  type: ColumnType;
  expr: Sql;
  /** Researcher-level: left out of the publication variant. */
  personal?: boolean;
}

export interface RecordQuery {
  scope: ReportScope;
  filter: RecordFilter & { fiscalYear: number };
  group: GroupSpec | null;
  columns: RecordColumn[];
  where: Sql;
  locale: 'ja' | 'en';
}

/** Disclosure row as the list, the API and the files show it. */
export interface RecordRow {
  id: string;
  fiscalYear: number;
  institutionId: string;
  institution: string;
  researcherName: string | null;
  eradNumber: string | null;
  status: string;
  maxSeverity: string | null;
  findingCount: number;
  pendingMatches: number;
  version: number | null;
  lastSubmittedAt: Date | null;
  talentProgrammes: number;
  programmes: string | null;
  grantTotalJpy: bigint | null;
}

function columnsFor(q: Omit<RecordQuery, 'columns' | 'where'>, actor: Actor): RecordColumn[] {
  const names = namesPredicate(actor, q.scope, q.filter.publication);
  const talent = !!q.filter.talent || !!q.filter.programme || !!q.filter.entry || !!q.filter.watchlist;
  const cols: (RecordColumn | false)[] = [
    { key: 'id', type: 'text', expr: raw('d.id::text') },
    { key: 'fiscalYear', type: 'int', expr: raw('c."fiscalYear"') },
    { key: 'institutionId', type: 'text', expr: raw('d."institutionId"::text') },
    { key: 'institution', type: 'text', expr: raw(q.locale === 'ja' ? 'i."nameJa"' : 'i."nameEn"') },
    !q.filter.publication && { key: 'researcherName', type: 'text', personal: true, expr: sql`CASE WHEN ${names} THEN d."researcherName" END` },
    !q.filter.publication && { key: 'eradNumber', type: 'text', personal: true, expr: sql`CASE WHEN ${names} THEN rp."eradNumber"::text END` },
    { key: 'status', type: 'text', expr: raw('d.status::text') },
    { key: 'maxSeverity', type: 'text', expr: raw('d."maxSeverity"::text') },
    { key: 'findingCount', type: 'int', expr: raw('d."findingCount"') },
    { key: 'pendingMatches', type: 'int', expr: raw('d."pendingMatches"') },
    { key: 'version', type: 'int', expr: raw('lv.number') },
    { key: 'lastSubmittedAt', type: 'datetime', expr: raw('d."lastSubmittedAt"') },
    { key: 'talentProgrammes', type: 'int', expr: TALENT_COUNT },
    talent && {
      key: 'programmes',
      type: 'text',
      expr: raw(`(SELECT string_agg(DISTINCT o.name, '; ') FROM "DisclosureOrganisation" o
        WHERE o."disclosureId" = d.id AND o."versionId" = lv.id AND o."itemRef" LIKE 'programmes/%/programme')`),
    },
    talent && { key: 'grantTotalJpy', type: 'amount', expr: grantTotal(q.filter.fiscalYear, q.filter.window) },
  ];
  return cols.filter((c): c is RecordColumn => !!c);
}

/**
 * Resolves a filter for `actor`: scope (union of `purposes`, narrowed by the filter's institutions),
 * the group list when the filter needs it, the columns the viewer may see, and the WHERE clause.
 */
export async function recordQuery(
  actor: Actor,
  filter: RecordFilter & { fiscalYear: number },
  o: { purposes?: ReportPurpose[]; locale?: 'ja' | 'en' } = {},
): Promise<RecordQuery> {
  const purposes = o.purposes ?? ['audit'];
  assertCanReport(actor, purposes);
  const scope = reportScope(actor, purposes, filter.institutionIds);
  const group = filter.talent === 'group' || filter.entry ? await loadGroup(filter.group, filter.fiscalYear) : null;
  const base = { scope, filter, group, locale: o.locale ?? 'en' };
  const where = and([reportWhere(scope, filter.fiscalYear), figureWhere(filter, group)]);
  return { ...base, columns: columnsFor(base, actor), where };
}

const ORDER = raw('ORDER BY d."researcherName", d.id');

/** The SELECT of the whole list in display order: what exports copy out. */
export function selectAll(q: RecordQuery): Sql {
  const cols = join(q.columns.map((c) => sql`${c.expr} AS "${raw(c.key)}"`));
  return sql`SELECT ${cols} FROM ${BASE_FROM} WHERE ${q.where} ${ORDER}`;
}

export async function countRecords(q: RecordQuery): Promise<number> {
  const [row] = await query<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${BASE_FROM} WHERE ${q.where}`);
  return row?.n ?? 0;
}

export interface RecordPage {
  rows: RecordRow[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One page, keyset-paginated on (researcherName, id). The cursor is the last row's id only; the
 * comparison reads that row's sort key in SQL, so no name travels in a URL.
 */
export async function listRecords(q: RecordQuery, o: { cursor?: string | null; limit?: number } = {}): Promise<RecordPage> {
  const limit = Math.min(Math.max(o.limit ?? 50, 1), 500);
  const after =
    o.cursor && UUID.test(o.cursor)
      ? sql`(d."researcherName", d.id) > (SELECT x."researcherName", x.id FROM "Disclosure" x WHERE x.id = ${o.cursor}::uuid)`
      : raw('TRUE');
  const cols = join(q.columns.map((c) => sql`${c.expr} AS "${raw(c.key)}"`));
  const rows = await query<Record<string, unknown>>(
    sql`SELECT ${cols} FROM ${BASE_FROM} WHERE ${q.where} AND ${after} ${ORDER} LIMIT ${limit + 1}::int`,
  );
  const page = rows.slice(0, limit).map(toRow);
  return { rows: page, nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null };
}

function toRow(r: Record<string, unknown>): RecordRow {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    id: String(r.id),
    fiscalYear: Number(r.fiscalYear),
    institutionId: String(r.institutionId),
    institution: String(r.institution),
    researcherName: str(r.researcherName),
    eradNumber: str(r.eradNumber)?.trim() ?? null,
    status: String(r.status),
    maxSeverity: str(r.maxSeverity),
    findingCount: Number(r.findingCount),
    pendingMatches: Number(r.pendingMatches),
    version: r.version === null ? null : Number(r.version),
    lastSubmittedAt: r.lastSubmittedAt instanceof Date ? r.lastSubmittedAt : null,
    talentProgrammes: Number(r.talentProgrammes),
    programmes: str(r.programmes),
    grantTotalJpy: r.grantTotalJpy === undefined || r.grantTotalJpy === null ? null : BigInt(String(r.grantTotalJpy)),
  };
}
