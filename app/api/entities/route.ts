// Type-ahead over the registry of foreign organisations (GET ?q=…), for researchers and officers.
import { entitySearchResponse } from '@/lib/filing/http';
import { defineRoute } from '@/lib/http/define-route';

export const dynamic = 'force-dynamic';

export const GET = defineRoute({
  name: 'api:entities',
  handler: ({ actor, request, origin }) => entitySearchResponse(actor, new URL(request.url), origin),
});
