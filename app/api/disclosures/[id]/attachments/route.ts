// Upload (multipart: file, kind, itemRef) and list of a disclosure's attachments, for its researcher.
// An upload from another origin is refused (403) before anything else, as Next.js refuses server actions.
import { currentActor, requestOrigin } from '@/lib/auth/actor';
import { listAttachmentsResponse, uploadResponse } from '@/lib/filing/http';
import { crossOriginRefusal, isSameOrigin } from '@/lib/security/same-origin';

export const dynamic = 'force-dynamic';

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  if (!isSameOrigin(request)) return crossOriginRefusal();
  const { id } = await params;
  return uploadResponse(await currentActor(), id, request, await requestOrigin());
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return listAttachmentsResponse(await currentActor(), id, await requestOrigin());
}
