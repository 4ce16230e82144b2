// Upload (multipart: file, kind, itemRef) and list of a disclosure's attachments, for its researcher.
// An upload from another origin is refused (403) before anything else, as Next.js refuses server actions.
import { listAttachmentsResponse, uploadResponse } from '@/lib/filing/http';
import { defineRoute } from '@/lib/http/define-route';
import { crossOriginRefusal, isSameOrigin } from '@/lib/security/same-origin';

export const dynamic = 'force-dynamic';

const upload = defineRoute<{ id: string }>({
  name: 'attachment.upload',
  handler: ({ actor, request, params, origin }) => uploadResponse(actor, params.id, request, origin),
});

export async function POST(request: Request, ctx: { params: Promise<{ id: string }> }) {
  if (!isSameOrigin(request)) return crossOriginRefusal();
  return upload(request, ctx);
}

export const GET = defineRoute<{ id: string }>({
  name: 'attachment.list',
  handler: ({ actor, params, origin }) => listAttachmentsResponse(actor, params.id, origin),
});
