import { getDisclosures } from '@/lib/api/endpoints';
import { apiRoute, methodNotAllowed } from '@/lib/api/http';
import { operations } from '@/lib/api/operations';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return apiRoute(request, operations.listDisclosures, getDisclosures);
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
