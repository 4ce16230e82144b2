// Export requests from a URL (the direct download links): the report's own query string plus
// `format`, `report` and `lang`.
import 'server-only';
import { isLocale } from '@/lib/i18n/config';
import { filterToJson, parseRecordFilter } from '../params';
import type { ExportRequest } from './run';
import { isReportKind } from './tables';

export function exportRequestFromUrl(url: URL, kind: 'records' | 'report', fallbackLocale: string): ExportRequest | null {
  const p = url.searchParams;
  const filter = parseRecordFilter(p);
  const format = p.get('format');
  if (!filter.success || (format !== 'csv' && format !== 'xlsx')) return null;
  const lang = p.get('lang');
  const locale = isLocale(lang) ? lang : isLocale(fallbackLocale) ? fallbackLocale : 'ja';
  if (kind === 'records') return { kind, format, filter: filterToJson(filter.data), locale };
  const report = p.get('report');
  return isReportKind(report) ? { kind, report, format, filter: filterToJson(filter.data), locale } : null;
}
