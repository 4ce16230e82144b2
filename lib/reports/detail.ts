// One disclosure for the read API: its summary row, the latest submitted version (what it names) and
// that version's current findings. Same scope as every report; anything outside it is "not found".
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { query } from './pg';
import { BASE_FROM, TALENT_COUNT } from './predicates';
import { type ReportPurpose, assertCanReport, namesPredicate, reportScope } from './scope';
import { raw, sql } from './sql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SECTIONS = ['appointments', 'programmes', 'support', 'gifts', 'interests', 'travel'] as const;

export interface DisclosureDetail {
  id: string;
  fiscalYear: number;
  institution: { id: string; nameJa: string; nameEn: string };
  researcherName: string | null;
  eradNumber: string | null;
  status: string;
  maxSeverity: string | null;
  findingCount: number;
  pendingMatches: number;
  lastSubmittedAt: Date | null;
  decidedAt: Date | null;
  latestVersion: {
    number: number;
    kind: string;
    certifiedAt: Date;
    formVersion: number;
    items: Record<(typeof SECTIONS)[number], number>;
    talentProgrammes: number;
    organisations: { section: string; name: string; country: string | null }[];
  } | null;
  findings: { rule: string; severity: string; itemRef: string | null; messageJa: string; messageEn: string }[];
}

export async function disclosureDetail(actor: Actor, id: string, purposes: ReportPurpose[] = ['audit']): Promise<DisclosureDetail> {
  assertCanReport(actor, purposes);
  if (!UUID.test(id)) throw new NotFoundError(`Disclosure:${id}`);
  const scope = reportScope(actor, purposes);
  const names = namesPredicate(actor, scope, false);
  const counts = SECTIONS.map(
    (s) => sql`CASE WHEN jsonb_typeof(lv.content #> ${`{${s},items}`}::text[]) = 'array' THEN jsonb_array_length(lv.content #> ${`{${s},items}`}::text[]) ELSE 0 END AS "${raw(s)}"`,
  );
  const [row] = await query<Record<string, unknown>>(sql`
    SELECT d.id::text AS id, c."fiscalYear" AS "fiscalYear", i.id::text AS "institutionId", i."nameJa", i."nameEn",
      CASE WHEN ${names} THEN d."researcherName" END AS "researcherName",
      CASE WHEN ${names} THEN rp."eradNumber"::text END AS "eradNumber",
      d.status::text AS status, d."maxSeverity"::text AS "maxSeverity", d."findingCount", d."pendingMatches",
      d."lastSubmittedAt", d."decidedAt",
      lv.id::text AS "versionId", lv.number AS "versionNumber", v.kind::text AS "versionKind", lv."certifiedAt", v."formVersion",
      ${TALENT_COUNT} AS "talentProgrammes",
      ${counts[0]!}, ${counts[1]!}, ${counts[2]!}, ${counts[3]!}, ${counts[4]!}, ${counts[5]!}
    FROM ${BASE_FROM} LEFT JOIN "DisclosureVersion" v ON v.id = lv.id
    WHERE ${scope.predicate} AND d.id = ${id}::uuid`);
  if (!row) throw new NotFoundError(`Disclosure:${id}`);
  const versionId = row.versionId as string | null;
  const [organisations, findings] = versionId
    ? await Promise.all([
        query<{ itemRef: string; name: string; country: string | null }>(sql`
          SELECT "itemRef", name, country FROM "DisclosureOrganisation"
          WHERE "disclosureId" = ${id}::uuid AND "versionId" = ${versionId}::uuid ORDER BY "itemRef"`),
        query<{ rule: string; severity: string; itemRef: string | null; messageJa: string; messageEn: string }>(sql`
          SELECT r.code AS rule, f.severity::text AS severity, f."itemRef", f."messageJa", f."messageEn"
          FROM "Finding" f JOIN "Rule" r ON r.id = f."ruleId"
          WHERE f."disclosureId" = ${id}::uuid AND f."versionId" = ${versionId}::uuid AND f."supersededAt" IS NULL
          ORDER BY CASE f.severity WHEN 'FLAG' THEN 0 WHEN 'REVIEW' THEN 1 ELSE 2 END, r.code`),
      ])
    : [[], []];
  return {
    id: String(row.id),
    fiscalYear: Number(row.fiscalYear),
    institution: { id: String(row.institutionId), nameJa: String(row.nameJa), nameEn: String(row.nameEn) },
    researcherName: (row.researcherName as string | null) ?? null,
    eradNumber: (row.eradNumber as string | null)?.trim() ?? null,
    status: String(row.status),
    maxSeverity: (row.maxSeverity as string | null) ?? null,
    findingCount: Number(row.findingCount),
    pendingMatches: Number(row.pendingMatches),
    lastSubmittedAt: (row.lastSubmittedAt as Date | null) ?? null,
    decidedAt: (row.decidedAt as Date | null) ?? null,
    latestVersion: versionId
      ? {
          number: Number(row.versionNumber),
          kind: String(row.versionKind),
          certifiedAt: row.certifiedAt as Date,
          formVersion: Number(row.formVersion),
          items: Object.fromEntries(SECTIONS.map((s) => [s, Number(row[s])])) as Record<(typeof SECTIONS)[number], number>,
          talentProgrammes: Number(row.talentProgrammes),
          organisations: organisations.map((o) => ({ section: o.itemRef.split('/')[0] ?? '', name: o.name, country: o.country })),
        }
      : null,
    findings,
  };
}
