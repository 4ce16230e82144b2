// Trends across cycles: for each fiscal year in scope, disclosures, submitted, flagged and talent-
// programme participants. Each figure lists its records for that year.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { type ReportContext, reportContext } from './context';
import { type FigureValue, figure } from './figure';
import type { ReportParams } from './params';
import { query } from './pg';
import { BASE_FROM, FLAGGED, SUBMITTED, TALENT } from './predicates';
import type { ReportPurpose } from './scope';
import { sql } from './sql';

export interface TrendYear {
  fiscalYear: number;
  total: FigureValue;
  submitted: FigureValue;
  flagged: FigureValue;
  talent: FigureValue;
}

export interface Trends {
  context: ReportContext;
  years: TrendYear[];
}

export async function trends(actor: Actor, params: ReportParams, purposes?: ReportPurpose[]): Promise<Trends> {
  const context = await reportContext(actor, params, purposes);
  const s = context.suppression;
  const rows = await query<{ fy: number; total: number; submitted: number; flagged: number; talent: number }>(sql`
    SELECT c."fiscalYear" AS fy, count(*)::int AS total,
      count(*) FILTER (WHERE ${SUBMITTED})::int AS submitted,
      count(*) FILTER (WHERE ${FLAGGED})::int AS flagged,
      count(*) FILTER (WHERE ${TALENT})::int AS talent
    FROM ${BASE_FROM} WHERE ${context.scope.predicate}
    GROUP BY c."fiscalYear" ORDER BY c."fiscalYear"`);
  // Each figure links to the records of its own year.
  return {
    context,
    years: rows.map((r) => ({
      fiscalYear: r.fy,
      total: figure(r.total, {}, s),
      submitted: figure(r.submitted, { submitted: true }, s),
      flagged: figure(r.flagged, { flagged: true }, s),
      talent: figure(r.talent, { talent: 'any' }, s),
    })),
  };
}
