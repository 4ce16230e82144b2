import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ActionError, NotFoundError } from '@/lib/errors';
import { db } from '@/lib/db/client';
import { createUser } from '@/lib/seed/factories';
import { actorFor } from '@/test/helpers/actors';
import { EXPECTED, reportWorld, worldActors } from '@/test/helpers/report-world';
import { apiFetch } from '@/test/helpers/api';
import { getInstitutions } from './endpoints';
import { API_LIMITS } from './limits';
import { openApiDocument } from './openapi';
import { authenticateToken, generateToken, hashToken, issueToken, listTokens, revokeToken } from './tokens';

let w: Awaited<ReturnType<typeof reportWorld>>;
let actors: Awaited<ReturnType<typeof worldActors>>;
const origin = { ip: '10.0.0.7', userAgent: 'vitest' };

beforeAll(async () => {
  w = await reportWorld();
  actors = await worldActors(w);
});

async function issue(o: { owner: string; role?: 'AUDITOR' | 'OFFICER'; institutionIds?: string[]; all?: boolean; days?: number | null }) {
  return issueToken(
    actors.admin,
    {
      name: `test ${Math.random()}`,
      ownerEmail: o.owner,
      role: o.role ?? 'AUDITOR',
      allInstitutions: o.all ?? false,
      institutionIds: o.institutionIds ?? [],
      expiresInDays: o.days === undefined ? 30 : o.days,
    },
    origin,
  );
}

/** Calls the route handler of the path, as Next does. */
async function call(pathAndQuery: string, token: string | null, headers: Record<string, string> = {}) {
  const res = await apiFetch(pathAndQuery, { token, headers: { 'x-kaiji-peer': '10.1.1.1', ...headers } });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

describe('personal access tokens', () => {
  it('are random, prefixed, and stored only as a SHA-256 hash', async () => {
    const a = generateToken();
    expect(a.token).toMatch(/^kaiji_pat_[A-Za-z0-9_-]{43}$/);
    expect(a.prefix).toBe(a.token.slice(0, 16));
    expect(a.hash).toBe(createHash('sha256').update(a.token).digest('hex'));
    expect(generateToken().token).not.toBe(a.token);

    const { id, token } = await issue({ owner: actors.auditorA.email, institutionIds: [w.a.id] });
    const row = await db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(10));
    const event = await db.auditEvent.findFirst({ where: { action: 'api_token.issue', entityId: id } });
    expect(event?.details).toMatchObject({ prefix: token.slice(0, 16), role: 'AUDITOR', scope: [w.a.id] });
    expect(JSON.stringify(event, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toContain(token.slice(10));
  });

  it('are issued only by a system administrator, never wider than the owner', async () => {
    await expect(issueToken(actors.auditorA, { name: 'x', ownerEmail: actors.auditorA.email, role: 'AUDITOR', allInstitutions: true, institutionIds: [], expiresInDays: null }, origin)).rejects.toBeInstanceOf(NotFoundError);
    await expect(issue({ owner: actors.auditorA.email, institutionIds: [w.b.id] })).rejects.toBeInstanceOf(ActionError);
    await expect(issue({ owner: actors.auditorA.email, all: true })).rejects.toBeInstanceOf(ActionError);
    await expect(issue({ owner: actors.auditorA.email, role: 'OFFICER', institutionIds: [w.a.id] })).rejects.toBeInstanceOf(ActionError);
    await expect(issue({ owner: 'nobody@kaiji.test', all: true })).rejects.toBeInstanceOf(ActionError);
    const ok = await issue({ owner: actors.national.email, institutionIds: [w.b.id] });
    expect((await listTokens(actors.admin)).find((t) => t.id === ok.id)).toMatchObject({ state: 'active', institutions: [expect.objectContaining({ id: w.b.id })] });
  });

  it('authenticate as the owner with only the token’s role and scope, and record last use at most once a minute', async () => {
    const { id, token } = await issue({ owner: actors.national.email, institutionIds: [w.a.id] });
    const auth = await authenticateToken(token);
    expect(auth?.actor.userId).toBe(actors.national.userId);
    expect(auth?.actor.memberships).toEqual([{ role: 'AUDITOR', institutionId: w.a.id, allInstitutions: false }]);
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    await authenticateToken(token);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    await db.apiToken.update({ where: { id }, data: { lastUsedAt: new Date(Date.now() - 120_000) } });
    await authenticateToken(token);
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt!.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it('are refused when revoked, expired, malformed, or their owner is disabled', async () => {
    const revoked = await issue({ owner: actors.national.email, all: true });
    await revokeToken(actors.admin, revoked.id, origin);
    expect(await authenticateToken(revoked.token)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: 'api_token.revoke', entityId: revoked.id } })).toBe(1);

    const expired = await issue({ owner: actors.national.email, all: true });
    await db.apiToken.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await authenticateToken(expired.token)).toBeNull();
    expect(await authenticateToken('kaiji_pat_short')).toBeNull();
    expect(await authenticateToken(generateToken().token)).toBeNull();

    const u = await db.$transaction((tx) => createUser(tx, { roles: [{ role: 'AUDITOR', allInstitutions: true }] }));
    const owned = await issue({ owner: u.email, all: true });
    expect(await authenticateToken(owned.token)).not.toBeNull();
    await db.user.update({ where: { id: u.id }, data: { disabledAt: new Date() } });
    expect(await authenticateToken(owned.token)).toBeNull();

    expect((await call('/api/v1/institutions', revoked.token)).status).toBe(401);
    expect((await call('/api/v1/institutions', 'not-a-token')).status).toBe(401);
    expect(await db.auditEvent.count({ where: { action: 'api.auth_failed' } })).toBeGreaterThanOrEqual(2);
  });

  it('read nothing once the owner loses the role', async () => {
    const u = await db.$transaction((tx) => createUser(tx, { roles: [{ role: 'AUDITOR', institutionId: w.a.id }] }));
    const { token } = await issue({ owner: u.email, institutionIds: [w.a.id] });
    expect((await call('/api/v1/institutions', token)).status).toBe(200);
    await db.membership.deleteMany({ where: { userId: u.id } });
    expect((await call('/api/v1/institutions', token)).status).toBe(404);
  });
});

describe('the read API', () => {
  it('a token of one institution cannot read another institution’s records (404, like a missing one)', async () => {
    const { token } = await issue({ owner: actors.national.email, institutionIds: [w.a.id] });
    const own = await call(`/api/v1/disclosures/${w.people.A1!.disclosureId}`, token);
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({ id: w.people.A1!.disclosureId, institution: { id: w.a.id }, latestVersion: { number: 1, talentProgrammes: 1 } });

    const other = await call(`/api/v1/disclosures/${w.people.B1!.disclosureId}`, token);
    expect(other.status).toBe(404);
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const missing = await call('/api/v1/disclosures/00000000-0000-4000-8000-000000000000', token);
    expect(missing.status).toBe(404);
    // Not yours and missing are the same answer, byte for byte apart from the path.
    expect({ ...missing.body, instance: null }).toEqual({ ...other.body, instance: null });

    const list = await call(`/api/v1/disclosures?fiscalYear=2026&limit=500`, token);
    const rows = list.body.data as { institution: { id: string } }[];
    expect(rows.length).toBe(5); // Alpha's submitted disclosures (its draft is the researcher's alone)
    expect(rows.every((r) => r.institution.id === w.a.id)).toBe(true);
    const narrowed = await call(`/api/v1/disclosures?fiscalYear=2026&institutionId=${w.b.id}`, token);
    expect(narrowed.body.data).toEqual([]);

    const report = await call('/api/v1/reports/talent-grants?fiscalYear=2026', token);
    expect(report.status).toBe(200);
    const totals = report.body.totals as Record<string, { count: number; records: string }>;
    expect(totals.talent!.count).toBe(EXPECTED.alpha.talent);
    expect((report.body.byInstitution as unknown[]).length).toBe(1);
    // The figure's records link lists exactly its records.
    const behind = await call(`${totals.aboveThreshold!.records}&limit=500`, token);
    expect((behind.body.data as unknown[]).length).toBe(totals.aboveThreshold!.count);

    const audit = await db.auditEvent.findFirst({ where: { action: 'api.read' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actorId: actors.national.userId, ip: '10.1.1.1' });
    expect(await db.auditEvent.count({ where: { action: 'access.denied', actorId: actors.national.userId } })).toBeGreaterThanOrEqual(2);
  });

  it('pages with a cursor, and answers 400 to a bad parameter', async () => {
    const { token } = await issue({ owner: actors.national.email, all: true });
    const first = await call('/api/v1/disclosures?fiscalYear=2026&limit=4', token);
    expect((first.body.data as unknown[]).length).toBe(4);
    const next = (first.body.links as { next: string }).next;
    expect(next).toContain('fiscalYear=2026');
    const second = await call(next, token);
    expect((second.body.data as { id: string }[]).map((r) => r.id)).not.toContain((first.body.data as { id: string }[])[0]!.id);
    expect((await call('/api/v1/disclosures?status=NOPE', token)).status).toBe(400);
    expect((await call('/api/v1/disclosures?limit=100000', token)).status).toBe(400);
  });

  it('cursors are bound to their query and token: a foreign, altered or bare-id cursor is refused, never an oracle', async () => {
    const tokenA = (await issue({ owner: actors.national.email, institutionIds: [w.a.id] })).token;
    const tokenAll = (await issue({ owner: actors.national.email, all: true })).token;
    const page = await call('/api/v1/disclosures?fiscalYear=2026&limit=2', tokenA);
    const cursor = page.body.nextCursor as string;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect(cursor).not.toContain(w.people.A1!.disclosureId);
    // The same cursor with another filter, with another token, or altered: 400, with the parameter named.
    for (const [path, token] of [
      [`/api/v1/disclosures?fiscalYear=2026&status=SUBMITTED&cursor=${cursor}`, tokenA],
      [`/api/v1/disclosures?fiscalYear=2025&cursor=${cursor}`, tokenA],
      [`/api/v1/disclosures?fiscalYear=2026&cursor=${cursor}`, tokenAll],
      [`/api/v1/disclosures?fiscalYear=2026&cursor=${cursor.slice(0, -2)}AA`, tokenA],
    ] as const) {
      const res = await call(path, token);
      expect(res.status, path).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ parameter: 'cursor' })]);
    }
    // Issue 12 item 8: a B disclosure id (or any id) as cursor tells A nothing: the same 400 as garbage.
    const answers = await Promise.all(
      [w.people.B1!.disclosureId, '00000000-0000-4000-8000-000000000000', 'garbage'].map((c) => call(`/api/v1/disclosures?fiscalYear=2026&cursor=${c}`, tokenA)),
    );
    expect(answers.map((a) => a.status)).toEqual([400, 400, 400]);
    expect(new Set(answers.map((a) => JSON.stringify(a.body)))).toHaveProperty('size', 1);
    // The cursor still works with its own query (limit may change).
    expect((await call(`/api/v1/disclosures?fiscalYear=2026&limit=3&cursor=${cursor}`, tokenA)).status).toBe(200);
  });

  it('an officer’s token reads its institution for review', async () => {
    const { token } = await issue({ owner: actors.officerA.email, role: 'OFFICER', institutionIds: [w.a.id] });
    const list = await call('/api/v1/disclosures?fiscalYear=2026&limit=500', token);
    expect((list.body.data as unknown[]).length).toBe(5); // Alpha's submitted disclosures (its draft is the researcher's alone)
    expect((await call(`/api/v1/disclosures/${w.people.B2!.disclosureId}`, token)).status).toBe(404);
  });

  it('authenticates only bearer tokens: a signed-in browser session is not a credential here', async () => {
    const res = await call('/api/v1/institutions', null, { cookie: 'next-auth.session-token=anything; __Secure-next-auth.session-token=anything' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('Bearer');
    expect(res.body).toMatchObject({ status: 401, type: 'urn:kaiji:problem:unauthorized' });
  });

  it('reads with the same authorization as the UI: a session actor without a reporting role gets 404', async () => {
    const researcher = await actorFor(w.people.A1!.userId);
    await expect(getInstitutions({ actor: researcher, purposes: ['audit'], url: new URL('http://x/'), tokenId: 'x' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('booleans are true or false, nothing else: publication=True is refused, not read as false', async () => {
    const { token } = await issue({ owner: actors.national.email, all: true });
    for (const v of ['True', '1', 'on', 'yes', '', 'TRUE']) {
      for (const path of [`/api/v1/disclosures?fiscalYear=2026&publication=${v}`, `/api/v1/reports/talent-grants?fiscalYear=2026&publication=${v}`]) {
        const res = await call(path, token);
        expect(res.status, path).toBe(400);
        expect(res.body.errors).toEqual([{ parameter: 'publication', message: 'must be true or false' }]);
      }
    }
    expect((await call('/api/v1/reports/talent-grants?fiscalYear=2026&publication=false', token)).body.publication).toBe(false);
  });

  it('publication output is aggregates only: no record list, and no figure links to records', async () => {
    const { token } = await issue({ owner: actors.national.email, all: true });
    const list = await call('/api/v1/disclosures?fiscalYear=2026&publication=true&limit=500', token);
    expect(list.status).toBe(400);
    expect(list.body.errors).toEqual([{ parameter: 'publication', message: expect.stringContaining('no publication variant') }]);
    expect(list.body.data).toBeUndefined();
    expect((await call('/api/v1/disclosures?fiscalYear=2026&publication=false&limit=5', token)).status).toBe(200);
    const report = await call('/api/v1/reports/talent-grants?fiscalYear=2026&publication=true', token);
    expect(report.status).toBe(200);
    const links = JSON.stringify(report.body).match(/"records":"[^"]*"/g) ?? [];
    expect(links).toEqual([]);
    // The oversight variant of the same report does link its figures to their records.
    const oversight = await call('/api/v1/reports/talent-grants?fiscalYear=2026', token);
    expect(JSON.stringify(oversight.body)).toMatch(/"records":"\/api\/v1\/disclosures\?/);
  });

  it('refuses what the document forbids and nothing it allows', async () => {
    const { token } = await issue({ owner: actors.national.email, all: true });
    const bad = async (path: string, parameter: string) => {
      const res = await call(path, token);
      expect(res.status, path).toBe(400);
      expect((res.body.errors as { parameter: string }[]).map((e) => e.parameter), path).toContain(parameter);
    };
    await bad('/api/v1/reports/talent-grants?threshold=1,000,000', 'threshold');
    await bad('/api/v1/reports/talent-grants?threshold=1000000000000000', 'threshold');
    await bad('/api/v1/reports/talent-grants?status=SUBMITTED', 'status');
    await bad('/api/v1/disclosures?nope=1', 'nope');
    await bad('/api/v1/disclosures?fiscalYear=2026&fiscalYear=2025', 'fiscalYear');
    await bad('/api/v1/disclosures?institutionId=not-a-uuid', 'institutionId');
    await bad('/api/v1/disclosures?programme=a%E2%80%AEb', 'programme');
    await bad(`/api/v1/disclosures?programme=${'x'.repeat(301)}`, 'programme');
    await bad('/api/v1/disclosures?fiscalYear=1e3', 'fiscalYear');
    expect((await call('/api/v1/reports/talent-grants?threshold=999999999999999', token)).status).toBe(200);
    expect((await call(`/api/v1/disclosures?programme=${'x'.repeat(300)}`, token)).status).toBe(200);
    // Issue 12 item 3: a NUL as the id is a 400 problem, not a 500 (refused by the proxy before any route).
    for (const path of ['/api/v1/disclosures/%00', '/api/v1/disclosures?programme=%00']) {
      const nul = await call(path, token);
      expect(nul.status, path).toBe(400);
      expect(nul.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    // Anything else that is not a UUID, the route's own parser refuses, naming the parameter.
    const notId = await call('/api/v1/disclosures/%C3%A9t%C3%A9', token);
    expect(notId.status).toBe(400);
    expect(notId.body.errors).toEqual([{ parameter: 'id', message: 'must be a UUID' }]);
  });

  it('answers an unknown path with a problem+json 404 and another method with 405 and Allow', async () => {
    const { token } = await issue({ owner: actors.national.email, all: true });
    const unknown = await apiFetch('/api/v1/nothing/here', { token });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const post = await apiFetch('/api/v1/disclosures', { token, method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(((await post.json()) as { status: number }).status).toBe(405);
  });

  it('limits each token in PostgreSQL, with RateLimit headers, 429 and Retry-After', async () => {
    const { id, token } = await issue({ owner: actors.national.email, all: true });
    const ok = await call('/api/v1/institutions', token);
    expect(ok.headers.get('ratelimit-limit')).toBe(String(API_LIMITS.perToken.max));
    expect(ok.headers.get('ratelimit-remaining')).toBe(String(API_LIMITS.perToken.max - 1));
    // Another app process would see the same row: fill the window as if it had served the rest.
    await db.rateLimit.update({ where: { key: `api:token:${id}` }, data: { count: API_LIMITS.perToken.max } });
    const over = await call('/api/v1/institutions', token);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.headers.get('ratelimit-remaining')).toBe('0');
  });

  it('limits bad tokens per address, counted atomically under parallel attempts', async () => {
    const ip = '10.9.9.9';
    const attempts = API_LIMITS.badTokensPerAddress.max + 10;
    const res = await Promise.all(Array.from({ length: attempts }, () => call('/api/v1/institutions', generateToken().token, { 'x-kaiji-peer': ip })));
    const statuses = res.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(API_LIMITS.badTokensPerAddress.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    // A valid token from that address still reads.
    const { token } = await issue({ owner: actors.national.email, all: true });
    expect((await call('/api/v1/institutions', token, { 'x-kaiji-peer': ip })).status).toBe(200);
  });

  it('answers ETag and 304 for a disclosure', async () => {
    const { token } = await issue({ owner: actors.national.email, all: true });
    const path = `/api/v1/disclosures/${w.people.A1!.disclosureId}`;
    const first = await call(path, token);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await apiFetch(path, { token, headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('lists the fiscal years in scope with their counts, equal to what the list holds', async () => {
    const { token } = await issue({ owner: actors.national.email, institutionIds: [w.a.id] });
    const years = (await call('/api/v1/fiscal-years', token)).body.data as { fiscalYear: number; disclosures: number }[];
    expect(years.map((y) => y.fiscalYear)).toEqual(expect.arrayContaining([2026, 2025]));
    const y2026 = years.find((y) => y.fiscalYear === 2026)!;
    const list = await call('/api/v1/disclosures?fiscalYear=2026&limit=500', token);
    expect(y2026.disclosures).toBe((list.body.data as unknown[]).length);
  });
});

describe('OpenAPI document', () => {
  it('is valid JSON describing every implemented route', () => {
    const doc = JSON.parse(openApiDocument().text) as { openapi: string; paths: Record<string, { get?: unknown }> };
    expect(doc.openapi).toBe('3.1.0');
    const root = path.resolve(import.meta.dirname, '../../app/api/v1');
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory() && e.name !== '[...rest]') walk(p);
        else if (e.name === 'route.ts' && dir !== root) routes.push(`/api/v1/${path.relative(root, dir).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}'));
      }
    };
    walk(root);
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const r of routes) expect(doc.paths[r]?.get, r).toBeDefined();
    expect(Object.keys(doc.paths).sort()).toEqual(routes.sort());
  });
});
