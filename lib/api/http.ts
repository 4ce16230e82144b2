// The one wrapper of every /api/v1 operation: who is calling (a bearer token — nothing else, a browser
// session cookie included, authenticates here), whether they are within their rate limit, whether the
// parameters are what the document says, and one answer per outcome in one format (problem+json):
// 401 no or a bad credential, 429 too many requests, 400 bad parameters, 404 anything not theirs (the
// same as missing). Each read is audited once. The handler calls lib/reports with the caller's actor:
// there is no second authorization path.
import 'server-only';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { NotFoundError } from '@/lib/errors';
import { clientIp, userAgent } from '@/lib/auth/request-info';
import type { Actor } from '@/lib/auth/roles';
import { recordAuditNow } from '@/lib/audit/record';
import { type ReportPurpose, apiPurposes } from '@/lib/reports/scope';
import { type Limit, reserve } from '@/lib/security/rate-limit';
import { API_LIMITS } from './limits';
import { ParameterProblem, parsePath, parseQuery } from './parse';
import { problemResponse } from './problem';
import { authenticateToken } from './tokens';

export interface ApiContext {
  actor: Actor;
  purposes: ReportPurpose[];
  url: URL;
  tokenId: string;
}

/** A request the parameters allow but the data refuses (e.g. a cursor of another query). */
export class BadRequestError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(message);
  }
}

/** JSON with bigint as a decimal string (amounts in yen can pass 2^53). */
export function jsonText(body: unknown): string {
  return JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export function etagOf(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;
}

/** True when If-None-Match names `etag` (or is *). */
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}

/** A JSON answer; with `etag`, 304 when the client already has it. */
export function jsonResponse(request: Request, body: unknown, o: { etag?: boolean; headers?: Record<string, string> } = {}): Response {
  const text = jsonText(body);
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', ...o.headers };
  if (o.etag) {
    const etag = etagOf(text);
    Object.assign(headers, { ETag: etag, 'Cache-Control': 'private, no-cache' });
    if (notModified(request, etag)) return new Response(null, { status: 304, headers });
  } else headers['Cache-Control'] = 'no-store';
  return new Response(text, { status: 200, headers });
}

function rateHeaders(limit: Limit, count: number, reset: number): Record<string, string> {
  return {
    'RateLimit-Policy': `${limit.max};w=${limit.windowSeconds}`,
    'RateLimit-Limit': String(limit.max),
    'RateLimit-Remaining': String(Math.max(0, limit.max - count)),
    'RateLimit-Reset': String(reset),
  };
}

export interface Operation<Q extends z.ZodObject, P extends z.ZodObject | undefined> {
  operationId: string;
  query: Q;
  pathSchema?: P;
  /** Answer with an ETag and honour If-None-Match. */
  etag?: boolean;
}

type Params<Q extends z.ZodObject, P extends z.ZodObject | undefined> = { query: z.output<Q>; path: P extends z.ZodObject ? z.output<P> : undefined };

export async function apiRoute<Q extends z.ZodObject, P extends z.ZodObject | undefined = undefined>(
  request: Request,
  op: Operation<Q, P>,
  handler: (ctx: ApiContext, params: Params<Q, P>) => Promise<{ body: unknown; rows?: number }>,
  pathParams: Record<string, string> = {},
): Promise<Response> {
  const url = new URL(request.url);
  const instance = url.pathname;
  const origin = { ip: clientIp(request.headers), userAgent: userAgent(request.headers) };
  const endpoint = op.operationId;

  const header = request.headers.get('authorization');
  if (!header) {
    return problemResponse('unauthorized', 'Send Authorization: Bearer kaiji_pat_… (a personal access token). Browser sessions do not authenticate here.', instance, {
      headers: { 'WWW-Authenticate': 'Bearer realm="kaiji"' },
    });
  }
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  const caller = m ? await authenticateToken(m[1]!) : null;
  if (!caller) {
    const strike = await reserve(`api:bad-token:${origin.ip ?? 'unknown'}`, API_LIMITS.badTokensPerAddress);
    await recordAuditNow({ action: 'api.auth_failed', outcome: 'FAILURE', ...origin, details: { endpoint, path: instance, throttled: !strike.allowed } });
    if (!strike.allowed) {
      return problemResponse('too-many-requests', 'Too many requests with an unknown, revoked or expired token from this address.', instance, {
        headers: { 'Retry-After': String(strike.retryAfterSeconds) },
      });
    }
    return problemResponse('unauthorized', 'The token is unknown, revoked or expired.', instance, { headers: { 'WWW-Authenticate': 'Bearer realm="kaiji", error="invalid_token"' } });
  }
  const { actor, tokenId } = caller;

  const limit = API_LIMITS.perToken;
  const quota = await reserve(`api:token:${tokenId}`, limit);
  const limitHeaders = rateHeaders(limit, quota.count, quota.retryAfterSeconds);
  if (!quota.allowed) {
    return problemResponse('too-many-requests', `This token may make ${limit.max} requests per ${limit.windowSeconds} seconds.`, instance, {
      headers: { ...limitHeaders, 'Retry-After': String(quota.retryAfterSeconds) },
    });
  }

  const base = { actorId: actor.userId, actorEmail: actor.email, ...origin };
  const denied = async (resource: string) => {
    await recordAuditNow({ ...base, action: 'access.denied', outcome: 'DENIED', details: { endpoint, resource, path: instance, tokenId } });
    return problemResponse('not-found', 'Nothing here, or nothing you may read.', instance, { headers: limitHeaders });
  };
  const purposes = apiPurposes(actor);
  if (purposes.length === 0) return denied('role:AUDITOR|OFFICER');
  try {
    const params = {
      query: parseQuery(op.query, url.searchParams),
      path: (op.pathSchema ? parsePath(op.pathSchema, pathParams) : undefined) as Params<Q, P>['path'],
    };
    const { body, rows } = await handler({ actor, purposes, url, tokenId }, params);
    await recordAuditNow({
      ...base,
      action: 'api.read',
      details: { endpoint, path: instance, query: url.search.slice(0, 500), tokenId, ...(rows !== undefined ? { rows } : {}) },
    });
    return jsonResponse(request, body, { etag: op.etag, headers: limitHeaders });
  } catch (err) {
    if (err instanceof NotFoundError) return denied(err.resource);
    if (err instanceof ParameterProblem) return problemResponse('bad-request', err.message, instance, { errors: err.errors, headers: limitHeaders });
    if (err instanceof BadRequestError) {
      const errors = [{ parameter: err.parameter, message: err.message }];
      return problemResponse('bad-request', `${err.parameter}: ${err.message}`, instance, { errors, headers: limitHeaders });
    }
    console.error(`[api ${endpoint}]`, err);
    return problemResponse('server-error', 'The server failed to answer; the error is logged.', instance, { headers: limitHeaders });
  }
}

/** Every other method of an /api/v1 path: 405 with Allow. */
export function methodNotAllowed(request: Request): Response {
  return problemResponse('method-not-allowed', `${request.method} is not allowed here; this API only reads.`, new URL(request.url).pathname, {
    headers: { Allow: 'GET, HEAD' },
  });
}

/** Anything under /api/v1 that is not an operation. */
export function unknownPath(request: Request): Response {
  return problemResponse('not-found', 'No such operation; the operations are listed at /api/v1/openapi.json.', new URL(request.url).pathname);
}
