// Type-ahead over the registry of foreign organisations (GET ?q=…), for researchers and officers.
import { currentActor, requestOrigin } from '@/lib/auth/actor';
import { entitySearchResponse } from '@/lib/filing/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return entitySearchResponse(await currentActor(), new URL(request.url), await requestOrigin());
}
