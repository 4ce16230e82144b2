// The one wrapper of the session-authenticated route handlers (downloads, uploads, type-ahead, export
// progress), the route-handler twin of defineAction: who is asking (the session; a route cannot use the
// pages' redirect()/notFound()), the role, and one answer per outcome: 401 signed out (or, for links a
// person opens in the browser, a redirect to sign-in or to the second factor they owe), 404 for anything
// not theirs (audited, the same as missing), 4xx for an ActionError, 500 only for a bug (logged). The
// read API (/api/v1) authenticates bearer tokens instead and has its own wrapper, lib/api/http.ts.
import 'server-only';
import { currentSession, requestOrigin } from '@/lib/auth/actor';
import { recordDenied } from '@/lib/auth/guards';
import { type Actor, MFA_PENDING_PATH, hasRole } from '@/lib/auth/roles';
import type { Origin } from '@/lib/audit/record';
import { ActionError, NotFoundError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';

export interface RouteContext<P> {
  actor: Actor;
  request: Request;
  params: P;
  origin: Origin;
}

export interface RouteDefinition<P> {
  /** Names the route in logs and, unless `resource` says more, in denial audits. */
  name: string;
  /** What a refusal by role names (default: `name`). */
  resource?: (params: P) => string;
  /** Any of these roles; others get the audited 404. */
  roles?: Role[];
  /** 'redirect' for links opened in the browser (downloads); JSON 401 otherwise. */
  signedOut?: 'json' | 'redirect';
  /** The status of an ActionError by its key (default 400). */
  statusOf?: (key: string) => number | undefined;
  handler: (ctx: RouteContext<P>) => Promise<Response>;
}

const HEADERS = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

/** A JSON answer that is never cached and never sniffed. */
export const jsonAnswer = (body: unknown, status = 200) => Response.json(body, { status, headers: HEADERS });

/** Runs a route for a known actor (or none), so tests can drive it with real actors without a request scope. */
export async function runRoute<P>(def: RouteDefinition<P>, actor: Actor | null, request: Request, params: P, origin: Origin): Promise<Response> {
  if (!actor || actor.mfaPending) {
    if (def.signedOut !== 'redirect') return jsonAnswer({ error: 'errors.signedOut' }, 401);
    const to = actor?.mfaPending ? MFA_PENDING_PATH[actor.mfaPending] : '/signin';
    return Response.redirect(new URL(to, request.url), 307);
  }
  const permission = def.roles ? { permission: `role:${def.roles.join('|')}` } : {};
  const denied = async (resource: string) => {
    await recordDenied(actor, origin, { ...permission, resource });
    return jsonAnswer({ error: 'errors.notFound' }, 404);
  };
  if (def.roles && !def.roles.some((r) => hasRole(actor, r))) return denied(def.resource?.(params) ?? def.name);
  try {
    return await def.handler({ actor, request, params, origin });
  } catch (err) {
    if (err instanceof NotFoundError) return denied(err.resource);
    if (err instanceof ActionError) {
      return jsonAnswer({ error: err.key, fieldErrors: err.fieldErrors, details: err.details }, def.statusOf?.(err.key) ?? 400);
    }
    console.error(`[route ${def.name}]`, err);
    return jsonAnswer({ error: 'errors.unexpected' }, 500);
  }
}

/** A route handler (GET, POST, …) over runRoute with this request's session. */
export function defineRoute<P = Record<string, never>>(def: RouteDefinition<P>) {
  return async (request: Request, ctx?: { params: Promise<P> }): Promise<Response> => {
    const params = ctx ? await ctx.params : ({} as P);
    return runRoute(def, await currentSession(), request, params, await requestOrigin());
  };
}
