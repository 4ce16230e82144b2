// Where to go back to after signing in: the page a signed-out person asked for (a link in a mail, a
// bookmark). Only a path of this site is ever followed; anything that a browser could read as another
// origin (`//host`, `/\host`, `https:…`, `javascript:…`, the same in percent-encoding, control
// characters that browsers strip) is dropped, and the person lands on their home page instead.
// Pure: the proxy, pages and client components import it.

/** The query parameter of /signin and /signin/verify that carries the path. */
export const RETURN_PARAM = 'next';
/** The request header the proxy sets to the path (and query) being asked for. */
export const REQUEST_PATH_HEADER = 'x-kaiji-path';

const MAX_LENGTH = 2048;
// Characters a path and query may hold as sent; anything else (spaces, backslashes, control characters,
// quotes, angle brackets, non-ASCII) must arrive percent-encoded or the value is not ours.
const PATH_CHARS = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]*$/;
// Pages a return would loop through or that are not pages.
const NOT_A_RETURN = /^\/(?:signin|api|_next)(?:[/?]|$)/;

function decodedForms(raw: string): string[] | null {
  const forms = [raw];
  let current = raw;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return forms;
    forms.push(next);
    current = next;
  }
  // Still changing after four rounds: encoded on purpose to hide something.
  return null;
}

/** The same-origin path to return to, or null when `raw` is missing or not safely one of ours. */
export function safeReturnPath(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return null;
  if (!PATH_CHARS.test(raw)) return null;
  const forms = decodedForms(raw);
  if (!forms) return null;
  for (const f of forms) {
    // Browsers treat `\` as `/` and drop tabs and newlines, so `/\host` and `/%5C%5Chost` are `//host`.
    if (/[\\\u0000-\u001f\u007f]/.test(f)) return null;
    if (!f.startsWith('/') || f.startsWith('//')) return null;
  }
  let url: URL;
  try {
    url = new URL(raw, 'http://kaiji.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'http://kaiji.invalid') return null;
  const path = `${url.pathname}${url.search}`;
  if (NOT_A_RETURN.test(path) || path === '/') return null;
  return path;
}

/** `/signin`, with the path to come back to when there is one worth keeping. */
export function signInPathFor(returnTo: string | null | undefined, base = '/signin'): string {
  const safe = safeReturnPath(returnTo);
  return safe ? `${base}?${RETURN_PARAM}=${encodeURIComponent(safe)}` : base;
}
