import { getInstitutions } from '@/lib/api/endpoints';
import { apiRoute } from '@/lib/api/http';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return apiRoute(request, 'institutions', getInstitutions);
}
