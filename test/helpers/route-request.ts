// Calling route handlers in Vitest as a signed-in person. A route reads its caller through
// lib/auth/actor (next-auth's cookie → session id → loadActor); outside Next.js there is no cookie store,
// so the test files replace only the first step: `signInAs(actor)` names the session, and the real
// loadActor reads the session row, the user and their memberships back exactly as a request would (a
// revoked session or removed role still takes effect). Use with, at the top of the test file:
//
//   vi.mock('@/lib/auth/actor', async (original) => (await import('@/test/helpers/route-request')).actorModule(await original()));
//   vi.mock('next-intl/server', async () => (await import('@/test/helpers/route-request')).intlServerModule);
import type { Actor } from '@/lib/auth/roles';
import { createSession, loadActor } from '@/lib/auth/sessions';

let sessionId: string | null = null;

/** Later route calls run as this actor, through a session of their own. */
export async function signInAs(actor: Actor | null): Promise<void> {
  sessionId = actor ? await createSession(actor.userId, { maxAgeSeconds: 3600, ip: '10.0.0.9', userAgent: 'vitest-route' }) : null;
}

async function session(): Promise<Actor | null> {
  return sessionId ? loadActor(sessionId) : null;
}

export function actorModule<T extends object>(original: T): T {
  return {
    ...original,
    currentSession: session,
    requestOrigin: async () => ({ ip: '10.0.0.9', userAgent: 'vitest-route' }),
    currentActor: async () => {
      const a = await session();
      return a && !a.mfaPending ? a : null;
    },
  };
}

export const intlServerModule = { getLocale: async () => 'en' };

/** A request to the app as a browser on the same origin would send it. */
export function appRequest(path: string, init: RequestInit = {}): Request {
  return new Request(new URL(path, 'http://localhost:3000'), { ...init, headers: { 'user-agent': 'vitest-route', ...(init.headers ?? {}) } });
}
