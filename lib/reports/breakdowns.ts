// Submitted disclosures by the countries of the foreign organisations they name, by talent programme
// and by the rules that fired on them (current findings of the latest version). A disclosure can count
// under several countries, programmes or rules, so these are not partitions: each row is suppressed on
// its own in the publication variant.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { type ReportContext, reportContext } from './context';
import { type FigureValue, figure } from './figure';
import type { ReportParams } from './params';
import { query } from './pg';
import { BASE_FROM, reportWhere } from './predicates';
import type { ReportPurpose } from './scope';
import { sql } from './sql';

export interface Breakdowns {
  context: ReportContext;
  countries: { country: string; value: FigureValue }[];
  programmes: { key: string; name: string; country: string | null; value: FigureValue }[];
  rules: { code: string; titleJa: string; titleEn: string; severity: string; value: FigureValue }[];
}

export async function breakdowns(actor: Actor, params: ReportParams, purposes?: ReportPurpose[], limit = 50): Promise<Breakdowns> {
  const context = await reportContext(actor, params, purposes);
  const s = context.suppression;
  const where = reportWhere(context.scope, context.params.fiscalYear);
  const [countries, programmes, rules] = await Promise.all([
    query<{ country: string; n: number }>(sql`
      SELECT o.country, count(DISTINCT d.id)::int AS n
      FROM ${BASE_FROM} JOIN "DisclosureOrganisation" o ON o."disclosureId" = d.id AND o."versionId" = lv.id
      WHERE ${where} AND o.country IS NOT NULL AND o.country <> i.country
      GROUP BY o.country ORDER BY n DESC, o.country LIMIT ${limit}::int`),
    query<{ key: string; name: string; country: string | null; n: number }>(sql`
      SELECT o."normalizedName" AS key, min(o.name) AS name, min(o.country) AS country, count(DISTINCT d.id)::int AS n
      FROM ${BASE_FROM} JOIN "DisclosureOrganisation" o ON o."disclosureId" = d.id AND o."versionId" = lv.id
      WHERE ${where} AND o."itemRef" LIKE 'programmes/%/programme' AND o."normalizedName" <> ''
      GROUP BY o."normalizedName" ORDER BY n DESC, key LIMIT ${limit}::int`),
    query<{ code: string; titleJa: string; titleEn: string; severity: string; n: number }>(sql`
      SELECT r.code, max(r."titleJa") AS "titleJa", max(r."titleEn") AS "titleEn",
        (ARRAY['INFO', 'REVIEW', 'FLAG'])[max(CASE f.severity WHEN 'FLAG' THEN 3 WHEN 'REVIEW' THEN 2 ELSE 1 END)] AS severity,
        count(DISTINCT d.id)::int AS n
      FROM ${BASE_FROM} JOIN "Finding" f ON f."disclosureId" = d.id AND f."versionId" = lv.id AND f."supersededAt" IS NULL
      JOIN "Rule" r ON r.id = f."ruleId"
      WHERE ${where}
      GROUP BY r.code ORDER BY n DESC, r.code LIMIT ${limit}::int`),
  ]);
  return {
    context,
    countries: countries.map((r) => ({ country: r.country, value: figure(r.n, { country: r.country }, s) })),
    programmes: programmes.map((r) => ({ key: r.key, name: r.name, country: r.country, value: figure(r.n, { programme: r.key }, s) })),
    rules: rules.map((r) => ({ code: r.code, titleJa: r.titleJa, titleEn: r.titleEn, severity: r.severity, value: figure(r.n, { rule: r.code }, s) })),
  };
}
