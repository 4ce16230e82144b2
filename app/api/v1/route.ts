// /api/v1 itself is not an operation: the same problem+json 404 as any unknown path (the operations are
// listed in /api/v1/openapi.json).
import { unknownPath } from '@/lib/api/http';

export const dynamic = 'force-dynamic';

export {
  unknownPath as GET,
  unknownPath as HEAD,
  unknownPath as POST,
  unknownPath as PUT,
  unknownPath as PATCH,
  unknownPath as DELETE,
  unknownPath as OPTIONS,
};
