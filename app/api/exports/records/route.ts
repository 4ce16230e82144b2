// A record list as CSV or XLSX, streamed (lists above the direct limit go through a background export).
import { getLocale } from 'next-intl/server';
import { directExport } from '@/lib/reports/export/http';
import { exportRequestFromUrl } from '@/lib/reports/export/query';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const locale = await getLocale();
  return directExport(request, (url) => exportRequestFromUrl(url, 'records', locale));
}
