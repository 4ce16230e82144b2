// Current and Pending (Other) Support in the order and fields of the NSF/NIH common form (CPOS), from
// one submitted version's "current and pending support" section. Each support entry that is not in kind
// is a project/proposal; an in-kind entry is an in-kind contribution. The field-by-field mapping, and
// what has no home, is in docs/grant-application-exports.md. Pure: the same document feeds the JSON and
// the PDF, so the two cannot disagree.
import { type CurrencyCode, toDecimalString, toJpy } from '@/lib/money';
import type { DisclosureContent, OrganisationRef, Support } from '@/lib/disclosures/sections';

export type CposAmount = {
  /** As disclosed: decimal string in the original currency. */
  amount: string;
  currency: CurrencyCode;
  /** Yen at the cycle's exchange rate (whole yen, decimal string); null when the cycle has no rate for it. */
  jpy: string | null;
};

export type CposOrganisation = { name: string; nameLocal: string | null; country: string };

export type CposProject = {
  title: string;
  status: 'CURRENT' | 'PENDING';
  awardNumber: string | null;
  sourceOfSupport: CposOrganisation;
  primaryPlaceOfPerformance: CposOrganisation;
  startDate: string;
  endDate: string;
  totalAwardAmount: CposAmount | null;
  personMonthsPerYear: { year: number; personMonths: number }[];
  overallObjectives: string;
  statementOfPotentialOverlap: string;
};

export type CposInKind = {
  status: 'CURRENT' | 'PENDING';
  sourceOfSupport: CposOrganisation;
  primaryPlaceOfPerformance: CposOrganisation;
  summary: string;
  totalValue: CposAmount | null;
  startDate: string;
  endDate: string;
  personMonthsPerYear: { year: number; personMonths: number }[];
  overallObjectives: string;
  statementOfPotentialOverlap: string;
};

export type CposDocument = {
  format: 'kaiji.cpos/1';
  /** The version it was made from: immutable, so the same download always says the same. */
  source: { disclosureId: string; versionNumber: number; contentHash: string; certifiedAt: string; cycle: string };
  individual: { name: string; nameRomaji: string | null; eradNumber: string | null; orcid: string | null };
  projects: CposProject[];
  inKind: CposInKind[];
};

function org(o: OrganisationRef): CposOrganisation {
  return { name: o.name, nameLocal: o.nameLocal ?? null, country: o.country };
}

function amount(money: { amountMinor: number; currency: CurrencyCode } | undefined, rates: Record<string, string>): CposAmount | null {
  if (!money) return null;
  let jpy: string | null;
  try {
    jpy = toJpy(money, rates[money.currency] ?? null).toString();
  } catch {
    jpy = null;
  }
  return { amount: toDecimalString(money.amountMinor, money.currency), currency: money.currency, jpy };
}

export function cposDocument(
  content: DisclosureContent,
  source: CposDocument['source'],
  rates: Record<string, string>,
): CposDocument {
  const p = content.profile;
  const items: Support[] = content.support.items;
  return {
    format: 'kaiji.cpos/1',
    source,
    individual: {
      name: p.nameKanji || p.nameRomaji || '',
      nameRomaji: p.nameRomaji ?? null,
      eradNumber: p.eradNumber ?? null,
      orcid: p.orcid ?? null,
    },
    projects: items
      .filter((s) => !s.inKind)
      .map((s) => ({
        title: s.title,
        status: s.status,
        awardNumber: s.awardNumber ?? null,
        sourceOfSupport: org(s.source),
        primaryPlaceOfPerformance: org(s.placeOfPerformance),
        startDate: s.startDate,
        endDate: s.endDate,
        totalAwardAmount: amount(s.totalAmount, rates),
        personMonthsPerYear: s.personMonthsPerYear.map((r) => ({ year: r.year, personMonths: r.personMonths })),
        overallObjectives: s.objectives,
        statementOfPotentialOverlap: s.overlap,
      })),
    inKind: items
      .filter((s) => s.inKind)
      .map((s) => ({
        status: s.status,
        sourceOfSupport: org(s.source),
        primaryPlaceOfPerformance: org(s.placeOfPerformance),
        summary: s.inKindDescription ?? '',
        totalValue: amount(s.inKindValue, rates),
        startDate: s.startDate,
        endDate: s.endDate,
        personMonthsPerYear: s.personMonthsPerYear.map((r) => ({ year: r.year, personMonths: r.personMonths })),
        overallObjectives: s.objectives,
        statementOfPotentialOverlap: s.overlap,
      })),
  };
}
