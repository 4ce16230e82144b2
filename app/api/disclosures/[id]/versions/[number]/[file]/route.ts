// A submitted version of the researcher's own disclosure for grant applications: cpos.pdf, cpos.json,
// erad-effort.csv (lib/grant-exports/download.ts).
import { currentActor, requestOrigin } from '@/lib/auth/actor';
import { grantExportResponse } from '@/lib/grant-exports/download';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string; number: string; file: string }> }) {
  return grantExportResponse(await currentActor(), await params, request, await requestOrigin());
}
