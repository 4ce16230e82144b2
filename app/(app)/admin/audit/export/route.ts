// CSV export of the filtered audit events, streamed; the export itself is audited (audit.export).
import { startAuditExport } from '@/lib/admin/audit-log';
import { auditFilterFrom } from '@/lib/admin/schemas/audit-filter';
import { contentDisposition } from '@/lib/http/content-disposition';
import { defineRoute } from '@/lib/http/define-route';

export const GET = defineRoute({
  name: 'audit-export',
  roles: ['ADMIN'],
  signedOut: 'redirect',
  handler: async ({ actor, request, origin }) => {
    const filter = auditFilterFrom(new URL(request.url).searchParams);
    const { rows, stream } = await startAuditExport(actor, filter, origin);
    const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
    return new Response(stream, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': contentDisposition(`kaiji-audit-${stamp}.csv`),
        'X-Kaiji-Rows': String(rows),
      },
    });
  },
});
