import { getTalentGrants } from '@/lib/api/endpoints';
import { apiRoute, methodNotAllowed } from '@/lib/api/http';
import { operations } from '@/lib/api/operations';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  return apiRoute(request, operations.talentGrantsReport, getTalentGrants);
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
