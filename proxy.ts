// Runs before every page and route: a fresh CSP nonce per request, and no caching of anything that may
// show a signed-in person's data. Authorization is NOT decided here: every page, action and route
// checks the actor itself (lib/auth/actor.ts); this layer only adds headers, and refuses (400) requests
// no route can mean: NUL or malformed encoding in the URL, a server-action body React never sends.
import { type NextRequest, NextResponse } from 'next/server';
import { problemResponse } from '@/lib/api/problem';
import { REQUEST_PATH_HEADER } from '@/lib/auth/return-to';
import { setsOwnHeaders } from '@/lib/security/own-headers';
import { gateRefusal } from '@/lib/security/request-gate';

export async function proxy(request: NextRequest) {
  const refusal = await gateRefusal(request);
  if (refusal && request.nextUrl.pathname.startsWith('/api/v1/')) {
    // The read API answers every refusal in its one format (RFC 9457), this one included.
    return problemResponse('bad-request', `The address holds characters or an encoding no operation accepts (${refusal}).`, request.nextUrl.pathname);
  }
  if (refusal) {
    return new NextResponse(`400 Bad Request (${refusal}): the address or form data holds characters or a shape no page accepts.\n`, {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store, max-age=0', 'X-Content-Type-Options': 'nosniff' },
    });
  }

  // A route that sets its own CSP and caching keeps them (lib/security/own-headers.ts).
  if (setsOwnHeaders(request.nextUrl.pathname)) return NextResponse.next();

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const dev = process.env.NODE_ENV === 'development';
  const https = request.nextUrl.protocol === 'https:';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // React renders style attributes on the server; styles cannot run code, scripts stay nonce-only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  // The page asked for, so a signed-out visit can come back to it after sign-in (lib/auth/return-to.ts).
  requestHeaders.set(REQUEST_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('Cache-Control', 'no-store, max-age=0');
  return response;
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico|fonts/).*)' }],
};
