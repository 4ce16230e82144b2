// A report's tables as CSV (long form) or XLSX (a sheet per table).
import { getLocale } from 'next-intl/server';
import { defineRoute } from '@/lib/http/define-route';
import { directExport } from '@/lib/reports/export/http';
import { exportRequestFromUrl } from '@/lib/reports/export/query';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'export',
  roles: ['AUDITOR'],
  handler: async (ctx) => {
    const locale = await getLocale();
    return directExport(ctx, (url) => exportRequestFromUrl(url, 'report', locale));
  },
});
