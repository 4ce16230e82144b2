// The institutions and fiscal years a viewer can report on: the choices of the scope selector and the
// API's /institutions.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { fiscalYearOf } from '@/lib/time/japan';
import { query } from './pg';
import { type ReportPurpose, assertCanReport, reportScope, scopeOn } from './scope';
import { raw, sql } from './sql';

export interface InstitutionRow {
  id: string;
  slug: string;
  nameJa: string;
  nameEn: string;
  country: string;
  retired: boolean;
}

export async function reportInstitutions(actor: Actor, purposes: ReportPurpose[] = ['audit']): Promise<InstitutionRow[]> {
  assertCanReport(actor, purposes);
  const scope = reportScope(actor, purposes);
  return query<InstitutionRow>(sql`
    SELECT id::text, slug, "nameJa", "nameEn", country, ("retiredAt" IS NOT NULL) AS retired
    FROM "Institution" WHERE ${scopeOn(scope, raw('id'))} ORDER BY "nameEn", id`);
}

/** Fiscal years of the cycles in scope, newest first. */
export async function reportFiscalYears(actor: Actor, purposes: ReportPurpose[] = ['audit']): Promise<number[]> {
  assertCanReport(actor, purposes);
  const scope = reportScope(actor, purposes);
  const rows = await query<{ fy: number }>(sql`
    SELECT DISTINCT "fiscalYear" AS fy FROM "DisclosureCycle" c WHERE ${scopeOn(scope, raw('c."institutionId"'))}
    ORDER BY fy DESC`);
  return rows.map((r) => r.fy);
}

/** Fiscal years of the cycles in scope with the number of disclosures in scope, newest first (the API's discovery). */
export async function reportFiscalYearCounts(actor: Actor, purposes: ReportPurpose[] = ['audit']): Promise<{ fiscalYear: number; disclosures: number }[]> {
  assertCanReport(actor, purposes);
  const scope = reportScope(actor, purposes);
  return query<{ fiscalYear: number; disclosures: number }>(sql`
    SELECT c."fiscalYear" AS "fiscalYear", count(d.id)::int AS disclosures
    FROM "DisclosureCycle" c LEFT JOIN "Disclosure" d ON d."cycleId" = c.id AND ${scope.predicate}
    WHERE ${scopeOn(scope, raw('c."institutionId"'))}
    GROUP BY c."fiscalYear" ORDER BY c."fiscalYear" DESC`);
}

/** The year a report opens on: the newest cycle with disclosures in scope, else the newest cycle, else this fiscal year. */
export async function defaultFiscalYear(actor: Actor, purposes: ReportPurpose[] = ['audit']): Promise<number> {
  assertCanReport(actor, purposes);
  const scope = reportScope(actor, purposes);
  const [row] = await query<{ fy: number | null }>(sql`
    SELECT max(c."fiscalYear") AS fy FROM "Disclosure" d JOIN "DisclosureCycle" c ON c.id = d."cycleId" WHERE ${scope.predicate}`);
  if (row?.fy) return row.fy;
  const years = await reportFiscalYears(actor, purposes);
  return years[0] ?? fiscalYearOf();
}
