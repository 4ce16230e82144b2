import { getDisclosure } from '@/lib/api/endpoints';
import { apiRoute } from '@/lib/api/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return apiRoute(request, 'disclosure', (ctx) => getDisclosure(ctx, id));
}
