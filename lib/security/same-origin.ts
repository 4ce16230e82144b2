// The check Next.js makes for server actions, for the route handlers that change state from a browser
// form (attachment upload): the Origin header must name this host. A cross-site page can make a signed-in
// browser POST here (cookies go along); it cannot forge Origin. Browsers send Origin on every POST, so a
// POST without one is refused too.
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  const expected = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host') || new URL(request.url).host;
  return host === expected;
}

/** The refusal: 403, the same shape as the other JSON errors of the filing routes. */
export function crossOriginRefusal(): Response {
  return Response.json({ error: 'errors.crossOrigin' }, { status: 403, headers: { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' } });
}
