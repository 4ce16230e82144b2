// The list of other research funding and effort (研究費の応募・受入等の状況・エフォート) that e-Rad and
// JSPS applications ask for, one row per "current and pending support" entry of a submitted version, in
// the application form's column order. Column and value labels come from the catalog in the caller's
// language; the CSV is written by the project's one writer (lib/csv/write.ts). Mapping and gaps:
// docs/grant-application-exports.md. Pure.
import { CSV_BOM, csvLine } from '@/lib/csv/write';
import type { DisclosureContent, Support } from '@/lib/disclosures/sections';
import { toJpy } from '@/lib/money';

export const eradColumns = [
  'situation',
  'fundingProgramme',
  'periodStart',
  'periodEnd',
  'projectTitle',
  'principalInvestigator',
  'role',
  'thisYearThousandYen',
  'totalThousandYen',
  'effortPercent',
  'differences',
] as const;
export type EradColumn = (typeof eradColumns)[number];

export type EradSituation = 'APPLYING' | 'TO_BE_RECEIVED' | 'RECEIVING';
export type EradRole = 'PRINCIPAL' | 'SHARED' | 'OTHER';

export type EradRow = {
  situation: EradSituation;
  fundingProgramme: string;
  periodStart: string;
  periodEnd: string;
  projectTitle: string;
  principalInvestigator: string;
  role: EradRole;
  thisYearThousandYen: number | null;
  totalThousandYen: number | null;
  effortPercent: number | null;
  differences: string;
};

/** Linked imported grant amounts of this fiscal year, by support item id (whole yen). */
export type ThisYearAmounts = Record<string, bigint>;

function situation(s: Support, asOf: string): EradSituation {
  if (s.status === 'PENDING') return 'APPLYING';
  return s.startDate > asOf ? 'TO_BE_RECEIVED' : 'RECEIVING';
}

function role(s: Support): EradRole {
  if (s.role === 'PRINCIPAL_INVESTIGATOR') return 'PRINCIPAL';
  if (s.role === 'CO_PRINCIPAL_INVESTIGATOR' || s.role === 'CO_INVESTIGATOR') return 'SHARED';
  return 'OTHER';
}

/** The application forms ask for thousands of yen, fractions dropped. */
const thousands = (yen: bigint) => Number(yen / 1000n);

export function eradRows(
  content: DisclosureContent,
  o: { locale: 'ja' | 'en'; fiscalYear: number; asOf: string; rates: Record<string, string>; thisYear: ThisYearAmounts },
): EradRow[] {
  const researcher = content.profile.nameKanji || content.profile.nameRomaji || '';
  return content.support.items.map((s) => {
    let total: number | null = null;
    if (s.totalAmount && !s.inKind) {
      try {
        total = thousands(toJpy(s.totalAmount, o.rates[s.totalAmount.currency] ?? null));
      } catch {
        total = null;
      }
    }
    // Effort (エフォート) is the share of a year's working time: person-months of the cycle's year over 12.
    const months = s.personMonthsPerYear.find((r) => r.year === o.fiscalYear)?.personMonths;
    const thisYear = o.thisYear[s.id];
    return {
      situation: situation(s, o.asOf),
      fundingProgramme: (o.locale === 'ja' ? s.source.nameLocal : undefined) || s.source.name,
      periodStart: s.startDate,
      periodEnd: s.endDate,
      projectTitle: s.title,
      principalInvestigator: s.role === 'PRINCIPAL_INVESTIGATOR' ? researcher : '',
      role: role(s),
      thisYearThousandYen: thisYear !== undefined ? thousands(thisYear) : null,
      totalThousandYen: total,
      effortPercent: months !== undefined ? Math.round((months / 12) * 100) : null,
      differences: s.overlap,
    };
  });
}

/** The CSV: a byte-order mark (spreadsheets in Japan read UTF-8 by it), the header, one line per row. */
export function eradCsv(rows: EradRow[], label: (key: string) => string): string {
  let out = CSV_BOM + csvLine(eradColumns.map((c) => label(`columns.${c}`)));
  for (const r of rows) {
    out += csvLine([
      label(`situation.${r.situation}`),
      r.fundingProgramme,
      r.periodStart,
      r.periodEnd,
      r.projectTitle,
      r.principalInvestigator,
      label(`role.${r.role}`),
      r.thisYearThousandYen,
      r.totalThousandYen,
      r.effortPercent,
      r.differences,
    ]);
  }
  return out;
}
