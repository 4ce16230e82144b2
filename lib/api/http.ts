// The one wrapper of every /api/v1 route: who is calling (a bearer token, or the browser's session),
// what they read for (audit and/or review, from their roles), and one answer per outcome — 401 for no
// or a bad credential, 404 for anything not theirs (the same as missing), 400 for bad parameters. Each
// request is audited once. The route itself calls lib/reports with the actor: no second authorization path.
import 'server-only';
import { NextResponse } from 'next/server';
import { ZodError } from 'zod';
import { NotFoundError } from '@/lib/actions/action';
import { currentActor } from '@/lib/auth/actor';
import { clientIp, userAgent } from '@/lib/auth/request-info';
import type { Actor } from '@/lib/auth/roles';
import { recordAuditNow } from '@/lib/audit/record';
import { type ReportPurpose, apiPurposes } from '@/lib/reports/scope';
import { authenticateToken } from './tokens';

export interface ApiContext {
  actor: Actor;
  purposes: ReportPurpose[];
  url: URL;
  tokenId: string | null;
}

export class BadRequestError extends Error {}

/** JSON with bigint as a decimal string (amounts in yen can pass 2^53). */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): NextResponse {
  const text = JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  return new NextResponse(text, { status, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}

const unauthorized = () =>
  json({ error: 'unauthorized', message: 'Send Authorization: Bearer kaiji_pat_… (a personal access token), or sign in.' }, 401, {
    'WWW-Authenticate': 'Bearer realm="kaiji"',
  });
const notFound = () => json({ error: 'not_found' }, 404);

type SessionReader = () => Promise<Actor | null>;

async function resolveCaller(request: Request, session: SessionReader): Promise<{ actor: Actor; tokenId: string | null } | 'bad-token' | null> {
  const header = request.headers.get('authorization');
  if (header) {
    const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
    const found = m ? await authenticateToken(m[1]!) : null;
    return found ?? 'bad-token';
  }
  const actor = await session();
  return actor ? { actor, tokenId: null } : null;
}

export async function apiRoute(
  request: Request,
  endpoint: string,
  handler: (ctx: ApiContext) => Promise<{ body: unknown; rows?: number }>,
  /** The browser session's actor (tests pass their own). */
  session: SessionReader = currentActor,
): Promise<NextResponse> {
  const url = new URL(request.url);
  const origin = { ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
  const caller = await resolveCaller(request, session);
  if (caller === 'bad-token') {
    await recordAuditNow({ action: 'api.auth_failed', outcome: 'FAILURE', ...origin, details: { endpoint, path: url.pathname } });
    return unauthorized();
  }
  if (!caller) return unauthorized();
  const { actor, tokenId } = caller;
  const base = { actorId: actor.userId, actorEmail: actor.email, ...origin };
  const denied = async (resource: string) => {
    await recordAuditNow({ ...base, action: 'access.denied', outcome: 'DENIED', details: { endpoint, resource, path: url.pathname, tokenId } });
    return notFound();
  };
  const purposes = apiPurposes(actor);
  if (purposes.length === 0) return denied('role:AUDITOR|OFFICER');
  try {
    const { body, rows } = await handler({ actor, purposes, url, tokenId });
    await recordAuditNow({
      ...base,
      action: 'api.read',
      details: { endpoint, path: url.pathname, query: url.search.slice(0, 500), tokenId, ...(rows !== undefined ? { rows } : {}) },
    });
    return json(body);
  } catch (err) {
    if (err instanceof NotFoundError) return denied(err.resource);
    if (err instanceof ZodError) return json({ error: 'bad_request', issues: err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) }, 400);
    if (err instanceof BadRequestError) return json({ error: 'bad_request', message: err.message }, 400);
    console.error(`[api ${endpoint}]`, err);
    return json({ error: 'unexpected' }, 500);
  }
}
