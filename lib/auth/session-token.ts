// Reading our server-side session id out of the next-auth cookie, on the server only. The id is never
// put into next-auth's `session` object: that object is what `/api/auth/session` hands to any script on
// the page, and a script that learns the session id learns the one thing the cookie (HttpOnly) hides.
import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';

/** next-auth v4's cookie names: `__Secure-` when APP_URL/NEXTAUTH_URL is https, plain otherwise. */
export const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

/** The session id inside a next-auth token (decrypted and expiry-checked), or null. */
export async function sessionIdFromToken(raw: string | undefined, secret: string): Promise<string | null> {
  if (!raw) return null;
  try {
    const token = await decode({ token: raw, secret });
    return typeof token?.sid === 'string' ? token.sid : null;
  } catch {
    return null;
  }
}

/** The session id of this request's cookie, or null. */
export async function requestSessionId(): Promise<string | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const raw = jar.get(name)?.value;
    if (raw) return sessionIdFromToken(raw, env().AUTH_SECRET);
  }
  return null;
}
