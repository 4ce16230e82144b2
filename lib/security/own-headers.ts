// Routes whose handlers set their own Content-Security-Policy and Cache-Control. Next.js keeps the first
// value of a header, so a value the proxy sets would replace the route's own (the attachment download's
// `default-src 'none'; sandbox` and `private, no-store`): the proxy leaves these paths alone. Every other
// response gets the proxy's CSP and `no-store`. Pure: the proxy imports it.
export const OWN_HEADER_ROUTES: readonly RegExp[] = [
  /^\/api\/attachments\/[^/]+$/, // lib/filing/http.ts downloadResponse
];

export function setsOwnHeaders(pathname: string): boolean {
  return OWN_HEADER_ROUTES.some((r) => r.test(pathname));
}
