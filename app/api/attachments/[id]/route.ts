// Download of an attachment, for anyone who may read its disclosure (researcher, officer, auditor).
import { currentActor, requestOrigin } from '@/lib/auth/actor';
import { downloadResponse } from '@/lib/filing/http';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return downloadResponse(await currentActor(), id, await requestOrigin());
}
