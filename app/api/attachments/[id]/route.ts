// Download of an attachment, for anyone who may read its disclosure (researcher, officer, auditor).
import { downloadResponse } from '@/lib/filing/http';
import { defineRoute } from '@/lib/http/define-route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute<{ id: string }>({
  name: 'attachment.download',
  handler: ({ actor, params, origin }) => downloadResponse(actor, params.id, origin),
});
