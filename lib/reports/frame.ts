// What every report page needs besides its own figures: the parameters from the URL (with the default
// year), the years and institutions to choose from, and the publication minimum.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { defaultFiscalYear, reportFiscalYears, reportInstitutions } from './institutions';
import { type RecordFilter, recordFilterOrDefault } from './params';
import { publicationMinimum } from './settings';

type SearchParams = Record<string, string | string[] | undefined>;

export async function reportFrame(actor: Actor, searchParams: SearchParams, locale: string) {
  const parsed = recordFilterOrDefault(searchParams);
  const [years, institutions, minimum, fallbackYear] = await Promise.all([
    reportFiscalYears(actor),
    reportInstitutions(actor),
    publicationMinimum(),
    parsed.fiscalYear === undefined ? defaultFiscalYear(actor) : Promise.resolve(parsed.fiscalYear),
  ]);
  const filter: RecordFilter & { fiscalYear: number } = { ...parsed, fiscalYear: parsed.fiscalYear ?? fallbackYear };
  return {
    filter,
    years,
    minimum,
    institutions: institutions.map((i) => ({ id: i.id, name: locale === 'ja' ? i.nameJa : i.nameEn })),
  };
}
