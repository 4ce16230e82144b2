// Any path under /api/v1 that is not an operation: a problem+json 404 (never the app's HTML page).
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
