// What every report page needs besides its own figures: the parameters from the URL (with the default
// year), the years and institutions to choose from, and the publication minimum.
import 'server-only';
import { notFound } from 'next/navigation';
import type { Actor } from '@/lib/auth/roles';
import { defaultFiscalYear, reportFiscalYears, reportInstitutions } from './institutions';
import { type RecordFilter, parseRecordFilter } from './params';
import { publicationMinimum } from './settings';
import { localName } from '@/lib/i18n/local-text';

type SearchParams = Record<string, string | string[] | undefined>;

export async function reportFrame(actor: Actor, searchParams: SearchParams, locale: string) {
  // A malformed filter is refused (404), not replaced by the defaults: `pub=True` falling back to the
  // default (not for publication) would show names to someone who asked for the publication variant.
  const result = parseRecordFilter(searchParams);
  if (!result.success) notFound();
  const parsed = result.data;
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
    institutions: institutions.map((i) => ({ id: i.id, name: localName(locale, i) })),
  };
}
