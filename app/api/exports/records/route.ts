// A record list as CSV or XLSX, streamed (lists above the direct limit go through a background export).
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
    return directExport(ctx, (url) => exportRequestFromUrl(url, 'records', locale));
  },
});
