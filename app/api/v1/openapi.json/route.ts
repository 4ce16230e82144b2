// The API's description, public like any API documentation (it holds no data).
import { etagOf, methodNotAllowed, notModified } from '@/lib/api/http';
import { openApiDocument } from '@/lib/api/openapi';

export const dynamic = 'force-dynamic';

export function GET(request: Request) {
  const { text } = openApiDocument();
  const etag = etagOf(text);
  const headers = { ETag: etag, 'Cache-Control': 'public, no-cache', 'Content-Type': 'application/json; charset=utf-8' };
  if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: 200, headers });
}

export { methodNotAllowed as POST, methodNotAllowed as PUT, methodNotAllowed as PATCH, methodNotAllowed as DELETE };
