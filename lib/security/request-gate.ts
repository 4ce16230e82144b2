// Requests no route can mean, refused in proxy.ts before anything parses them (one place for the whole
// class, so a new page or route cannot forget it). Only malformed input is judged here; who may do what
// is still decided by each page, action and route.
import { urlRefusal } from './url-params';

export type GateRefusal = 'malformed-url' | 'unsafe-url' | 'malformed-action-body';

/**
 * A server action call (POST with a `Next-Action` header) whose body is not what React's client ever
 * sends: the arguments are a JSON array (text/plain) or multipart form data. Anything else used to reach
 * React's decoder and come back as a 500 with an error digest.
 */
async function malformedActionBody(request: Request): Promise<boolean> {
  if (request.method !== 'POST' || !request.headers.has('next-action')) return false;
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) return false;
  try {
    return !Array.isArray(JSON.parse(await request.clone().text()));
  } catch {
    return true;
  }
}

export async function gateRefusal(request: Request): Promise<GateRefusal | null> {
  const url = urlRefusal(new URL(request.url));
  if (url) return url === 'malformed' ? 'malformed-url' : 'unsafe-url';
  if (await malformedActionBody(request)) return 'malformed-action-body';
  return null;
}
