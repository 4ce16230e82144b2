// Calls the /api/v1 route handlers (app/api/v1/**/route.ts) the way Next does: the proxy first (it
// refuses NUL and malformed encoding before any route), then the path picks the module (a specific route
// before the catch-all), the method picks the export (HEAD runs GET without the body; a method a module
// does not export answers 405 as Next does), and a dynamic segment arrives percent-decoded.
import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';
import * as root from '@/app/api/v1/route';
import * as catchAll from '@/app/api/v1/[...rest]/route';
import * as disclosure from '@/app/api/v1/disclosures/[id]/route';
import * as disclosures from '@/app/api/v1/disclosures/route';
import * as fiscalYears from '@/app/api/v1/fiscal-years/route';
import * as institutions from '@/app/api/v1/institutions/route';
import * as openapi from '@/app/api/v1/openapi.json/route';
import * as talentGrants from '@/app/api/v1/reports/talent-grants/route';

type Context = { params: Promise<Record<string, string | string[]>> };
type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
// Method signatures (bivariant): each module types its own params.
interface RouteModule {
  GET?(request: Request, context: Context): Response | Promise<Response>;
  HEAD?(request: Request, context: Context): Response | Promise<Response>;
  POST?(request: Request, context: Context): Response | Promise<Response>;
  PUT?(request: Request, context: Context): Response | Promise<Response>;
  PATCH?(request: Request, context: Context): Response | Promise<Response>;
  DELETE?(request: Request, context: Context): Response | Promise<Response>;
  OPTIONS?(request: Request, context: Context): Response | Promise<Response>;
}

const STATIC: Record<string, RouteModule> = {
  '/api/v1/openapi.json': openapi,
  '/api/v1/institutions': institutions,
  '/api/v1/fiscal-years': fiscalYears,
  '/api/v1/disclosures': disclosures,
  '/api/v1/reports/talent-grants': talentGrants,
};

/** A path segment that is not valid percent-encoded UTF-8 (the proxy refuses it before routing). */
export class MalformedPath extends Error {}

function route(pathname: string): { module: RouteModule; params: Record<string, string | string[]> } {
  if (pathname === '/api/v1' || pathname === '/api/v1/') return { module: root, params: {} };
  const exact = STATIC[pathname];
  if (exact) return { module: exact, params: {} };
  const one = /^\/api\/v1\/disclosures\/([^/]+)$/.exec(pathname);
  if (one) {
    try {
      return { module: disclosure, params: { id: decodeURIComponent(one[1]!) } };
    } catch {
      throw new MalformedPath(pathname);
    }
  }
  return { module: catchAll, params: { rest: pathname.replace(/^\/api\/v1\/?/, '').split('/') } };
}

export interface ApiCall {
  token?: string | null;
  method?: string;
  headers?: Record<string, string>;
}

export async function apiFetch(pathAndQuery: string, o: ApiCall = {}): Promise<Response> {
  const url = new URL(pathAndQuery, 'http://kaiji.test');
  const headers: Record<string, string> = { 'user-agent': 'vitest', ...o.headers };
  if (o.token) headers.authorization = `Bearer ${o.token}`;
  const method = o.method ?? 'GET';
  const request = new Request(url, { method, headers });
  const gate = await proxy(new NextRequest(request));
  if (gate.status !== 200) return gate;
  const { module, params } = route(url.pathname);
  const handler = module[method as Method] ?? (method === 'HEAD' ? module.GET : undefined);
  if (!handler) return new Response(null, { status: 405 });
  const res = await handler.call(module, request, { params: Promise.resolve(params) });
  return method === 'HEAD' ? new Response(null, { status: res.status, headers: res.headers }) : res;
}
