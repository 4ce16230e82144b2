// CSV export of the filtered audit events, streamed; the export itself is audited (audit.export).
import { startAuditExport } from '@/lib/admin/audit-log';
import { adminRouteActor } from '@/lib/admin/route-guard';
import { auditFilterFrom } from '@/lib/admin/schemas/audit-filter';
import { clientIp, userAgent } from '@/lib/auth/request-info';

export async function GET(request: Request): Promise<Response> {
  const actor = await adminRouteActor(request, 'audit-export');
  if (actor instanceof Response) return actor;
  const filter = auditFilterFrom(new URL(request.url).searchParams);
  const { rows, stream } = await startAuditExport(actor, filter, { ip: clientIp(request.headers), userAgent: userAgent(request.headers) });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="kaiji-audit-${stamp}.csv"`,
      'X-Kaiji-Rows': String(rows),
    },
  });
}
