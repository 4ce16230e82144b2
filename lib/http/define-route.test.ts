// defineRoute/runRoute with real actors on a real database: the same guard and the same answers for
// every session route handler (signed out, wrong role, not theirs, a refusal, a bug).
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { ActionError, NotFoundError } from '@/lib/errors';
import { adminWorld } from '@/test/helpers/actors';
import { appRequest, signInAs } from '@/test/helpers/route-request';
import { type RouteDefinition, defineRoute, runRoute } from './define-route';

vi.mock('@/lib/auth/actor', async (original) => (await import('@/test/helpers/route-request')).actorModule(await original()));

const origin = { ip: '192.0.2.20', userAgent: 'define-route-test' };
let w: Awaited<ReturnType<typeof adminWorld>>;
beforeAll(async () => {
  w = await adminWorld();
});

const denials = (actor: Actor) => db.auditEvent.findMany({ where: { action: 'access.denied', actorId: actor.userId, userAgent: origin.userAgent }, orderBy: { id: 'asc' } });

function route(handler: RouteDefinition<{ id: string }>['handler'], o: Partial<RouteDefinition<{ id: string }>> = {}): RouteDefinition<{ id: string }> {
  return { name: 'test-route', roles: ['AUDITOR'], resource: ({ id }) => `thing:${id}`, handler, ...o };
}

describe('runRoute', () => {
  const ok = route(async ({ actor, params }) => Response.json({ who: actor.userId, id: params.id }));

  it('answers the handler for the role, 401 (JSON) or a redirect to sign-in when signed out', async () => {
    const res = await runRoute(ok, w.auditor, appRequest('/x'), { id: '1' }, origin);
    expect(await res.json()).toEqual({ who: w.auditor.userId, id: '1' });
    const out = await runRoute(ok, null, appRequest('/x'), { id: '1' }, origin);
    expect([out.status, await out.json(), out.headers.get('cache-control')]).toEqual([401, { error: 'errors.signedOut' }, 'no-store']);
    const redirected = await runRoute({ ...ok, signedOut: 'redirect' }, null, appRequest('/x'), { id: '1' }, origin);
    expect([redirected.status, redirected.headers.get('location')]).toEqual([307, 'http://localhost:3000/signin']);
    const owesFactor = await runRoute({ ...ok, signedOut: 'redirect' }, { ...w.auditor, mfaPending: 'enrol' }, appRequest('/x'), { id: '1' }, origin);
    expect(owesFactor.headers.get('location')).toBe('http://localhost:3000/account/mfa');
  });

  it('answers another role and a NotFoundError with the same audited 404', async () => {
    const wrongRole = await runRoute(ok, w.officer, appRequest('/x'), { id: '7' }, origin);
    const missing = await runRoute(route(async () => { throw new NotFoundError('thing:8'); }), w.auditor, appRequest('/x'), { id: '8' }, origin);
    for (const res of [wrongRole, missing]) expect([res.status, await res.json()]).toEqual([404, { error: 'errors.notFound' }]);
    expect((await denials(w.officer)).map((e) => e.details)).toEqual([{ permission: 'role:AUDITOR', resource: 'thing:7' }]);
    expect((await denials(w.auditor)).map((e) => [e.outcome, e.ip, e.details])).toEqual([['DENIED', '192.0.2.20', { permission: 'role:AUDITOR', resource: 'thing:8' }]]);
  });

  it('maps an ActionError to its 4xx and anything else to a logged 500', async () => {
    const refused = route(async () => { throw new ActionError('filing.attachments.errors.tooLarge', undefined, { maxMb: 1 }); }, { statusOf: (k) => (k.endsWith('tooLarge') ? 413 : undefined) });
    const res = await runRoute(refused, w.auditor, appRequest('/x'), { id: '1' }, origin);
    expect([res.status, await res.json()]).toEqual([413, { error: 'filing.attachments.errors.tooLarge', details: { maxMb: 1 } }]);
    const plain = await runRoute(route(async () => { throw new ActionError('some.key'); }), w.auditor, appRequest('/x'), { id: '1' }, origin);
    expect(plain.status).toBe(400);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const bug = await runRoute(route(async () => { throw new Error('boom'); }), w.auditor, appRequest('/x'), { id: '1' }, origin);
    expect([bug.status, await bug.json()]).toEqual([500, { error: 'errors.unexpected' }]);
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});

describe('defineRoute', () => {
  it('reads the caller from the session and the params from the route context', async () => {
    const GET = defineRoute<{ id: string }>(route(async ({ actor, params }) => Response.json({ who: actor.userId, id: params.id })));
    await signInAs(w.auditor);
    const res = await GET(appRequest('/x'), { params: Promise.resolve({ id: '42' }) });
    expect(await res.json()).toEqual({ who: w.auditor.userId, id: '42' });
    await signInAs(null);
    expect((await GET(appRequest('/x'), { params: Promise.resolve({ id: '42' }) })).status).toBe(401);
  });
});
