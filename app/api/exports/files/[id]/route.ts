// The file of one's own finished background export (kept 24 hours), streamed from the database.
import { defineRoute } from '@/lib/http/define-route';
import { downloadStored } from '@/lib/reports/export/http';

export const dynamic = 'force-dynamic';

export const GET = defineRoute<{ id: string }>({
  name: 'export-file',
  roles: ['AUDITOR'],
  resource: ({ id }) => `export-file:${id}`,
  handler: (ctx) => downloadStored(ctx, ctx.params.id),
});
