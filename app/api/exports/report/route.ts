// A report's tables as CSV (long form) or XLSX (a sheet per table).
import { getLocale } from 'next-intl/server';
import { directExport } from '@/lib/reports/export/http';
import { exportRequestFromUrl } from '@/lib/reports/export/query';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const locale = await getLocale();
  return directExport(request, (url) => exportRequestFromUrl(url, 'report', locale));
}
