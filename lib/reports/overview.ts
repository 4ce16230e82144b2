// The overview of one fiscal year in scope: disclosures by status, severity and institution, with the
// headline figures (flagged researchers, talent-programme participants).
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { type ReportContext, reportContext } from './context';
import { type FigureValue, breakdown, figure } from './figure';
import type { Figure, ReportParams } from './params';
import { SEVERITIES, STATUSES } from './params';
import { query } from './pg';
import { BASE_FROM, FLAGGED, SUBMITTED, TALENT, reportWhere } from './predicates';
import type { ReportPurpose } from './scope';
import { sql } from './sql';

export interface InstitutionFigures {
  institutionId: string;
  nameJa: string;
  nameEn: string;
  total: FigureValue;
  submitted: FigureValue;
  approved: FigureValue;
  flagged: FigureValue;
  talent: FigureValue;
}

export interface Overview {
  context: ReportContext;
  total: FigureValue;
  submitted: FigureValue;
  flagged: FigureValue;
  talent: FigureValue;
  byStatus: { status: (typeof STATUSES)[number]; value: FigureValue }[];
  bySeverity: { severity: (typeof SEVERITIES)[number]; value: FigureValue }[];
  byInstitution: InstitutionFigures[];
}

interface InstitutionRow {
  institutionId: string;
  nameJa: string;
  nameEn: string;
  total: number;
  submitted: number;
  approved: number;
  flagged: number;
  talent: number;
}

export async function overview(actor: Actor, params: ReportParams, purposes?: ReportPurpose[]): Promise<Overview> {
  const context = await reportContext(actor, params, purposes);
  const { scope, suppression: s } = context;
  const where = reportWhere(scope, context.params.fiscalYear);

  const [statusRows, severityRows, institutionRows] = await Promise.all([
    query<{ status: string; n: number }>(sql`SELECT d.status::text AS status, count(*)::int AS n FROM ${BASE_FROM} WHERE ${where} GROUP BY 1`),
    query<{ severity: string; n: number }>(sql`
      SELECT COALESCE(d."maxSeverity"::text, 'NONE') AS severity, count(*)::int AS n
      FROM ${BASE_FROM} WHERE ${where} AND ${SUBMITTED} GROUP BY 1`),
    query<InstitutionRow>(sql`
      SELECT d."institutionId"::text AS "institutionId", i."nameJa", i."nameEn",
        count(*)::int AS total,
        count(*) FILTER (WHERE ${SUBMITTED})::int AS submitted,
        count(*) FILTER (WHERE d.status = 'APPROVED')::int AS approved,
        count(*) FILTER (WHERE ${FLAGGED})::int AS flagged,
        count(*) FILTER (WHERE ${TALENT})::int AS talent
      FROM ${BASE_FROM} WHERE ${where}
      GROUP BY d."institutionId", i."nameJa", i."nameEn" ORDER BY i."nameEn", d."institutionId"`),
  ]);

  const byStatusCount = new Map(statusRows.map((r) => [r.status, r.n]));
  const bySeverityCount = new Map(severityRows.map((r) => [r.severity, r.n]));
  const sum = (key: keyof Omit<InstitutionRow, 'institutionId' | 'nameJa' | 'nameEn'>) =>
    institutionRows.reduce((acc, r) => acc + r[key], 0);

  const statusCells = breakdown(STATUSES, (st) => byStatusCount.get(st) ?? 0, (st) => ({ status: st }), s);
  const severityCells = breakdown(SEVERITIES, (sv) => bySeverityCount.get(sv) ?? 0, (sv) => ({ severity: sv }), s);
  const column = (key: 'total' | 'submitted' | 'approved' | 'flagged' | 'talent', extra: Figure) =>
    breakdown(institutionRows, (r) => r[key], (r) => ({ institution: r.institutionId, ...extra }), s);
  const cols = {
    total: column('total', {}),
    submitted: column('submitted', { submitted: true }),
    approved: column('approved', { status: 'APPROVED' }),
    flagged: column('flagged', { flagged: true }),
    talent: column('talent', { talent: 'any' }),
  };

  return {
    context,
    total: figure(sum('total'), {}, s),
    submitted: figure(sum('submitted'), { submitted: true }, s),
    flagged: figure(sum('flagged'), { flagged: true }, s),
    talent: figure(sum('talent'), { talent: 'any' }, s),
    byStatus: STATUSES.map((status, i) => ({ status, value: statusCells[i]! })),
    bySeverity: SEVERITIES.map((severity, i) => ({ severity, value: severityCells[i]! })),
    byInstitution: institutionRows.map((r, i) => ({
      institutionId: r.institutionId,
      nameJa: r.nameJa,
      nameEn: r.nameEn,
      total: cols.total[i]!,
      submitted: cols.submitted[i]!,
      approved: cols.approved[i]!,
      flagged: cols.flagged[i]!,
      talent: cols.talent[i]!,
    })),
  };
}
