import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ActionError, NotFoundError } from '@/lib/actions/action';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { createUser } from '@/lib/seed/factories';
import { actorFor } from '@/test/helpers/actors';
import { EXPECTED, reportWorld, worldActors } from '@/test/helpers/report-world';
import { getDisclosure, getDisclosures, getInstitutions, getTalentGrants } from './endpoints';
import { apiRoute } from './http';
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

/** Calls an endpoint through the HTTP wrapper, as the route handlers do. */
async function call(pathAndQuery: string, token: string | null, handler: Parameters<typeof apiRoute>[2], session: () => Promise<Actor | null> = async () => null) {
  const headers: Record<string, string> = { 'user-agent': 'vitest', 'x-forwarded-for': '10.1.1.1' };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await apiRoute(new Request(`http://kaiji.test${pathAndQuery}`, { headers }), 'test', handler, session);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
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

    expect((await call('/api/v1/institutions', revoked.token, getInstitutions)).status).toBe(401);
    expect((await call('/api/v1/institutions', 'not-a-token', getInstitutions)).status).toBe(401);
    expect(await db.auditEvent.count({ where: { action: 'api.auth_failed' } })).toBeGreaterThanOrEqual(2);
  });

  it('read nothing once the owner loses the role', async () => {
    const u = await db.$transaction((tx) => createUser(tx, { roles: [{ role: 'AUDITOR', institutionId: w.a.id }] }));
    const { token } = await issue({ owner: u.email, institutionIds: [w.a.id] });
    expect((await call('/api/v1/institutions', token, getInstitutions)).status).toBe(200);
    await db.membership.deleteMany({ where: { userId: u.id } });
    expect((await call('/api/v1/institutions', token, getInstitutions)).status).toBe(404);
  });
});

describe('the read API', () => {
  it('a token of one institution cannot read another institution’s records (404, like a missing one)', async () => {
    const { token } = await issue({ owner: actors.national.email, institutionIds: [w.a.id] });
    const own = await call(`/api/v1/disclosures/${w.people.A1!.disclosureId}`, token, (ctx) => getDisclosure(ctx, w.people.A1!.disclosureId));
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({ id: w.people.A1!.disclosureId, institution: { id: w.a.id }, latestVersion: { number: 1, talentProgrammes: 1 } });

    const other = await call(`/api/v1/disclosures/${w.people.B1!.disclosureId}`, token, (ctx) => getDisclosure(ctx, w.people.B1!.disclosureId));
    expect(other).toEqual({ status: 404, body: { error: 'not_found' } });
    const missing = await call('/api/v1/disclosures/00000000-0000-4000-8000-000000000000', token, (ctx) => getDisclosure(ctx, '00000000-0000-4000-8000-000000000000'));
    expect(missing).toEqual(other);

    const list = await call(`/api/v1/disclosures?fiscalYear=2026&limit=500`, token, getDisclosures);
    const rows = list.body.data as { institution: { id: string } }[];
    expect(rows.length).toBe(5); // Alpha's submitted disclosures (its draft is the researcher's alone)
    expect(rows.every((r) => r.institution.id === w.a.id)).toBe(true);
    const narrowed = await call(`/api/v1/disclosures?fiscalYear=2026&institutionId=${w.b.id}`, token, getDisclosures);
    expect(narrowed.body.data).toEqual([]);

    const report = await call('/api/v1/reports/talent-grants?fiscalYear=2026', token, getTalentGrants);
    expect(report.status).toBe(200);
    const totals = report.body.totals as Record<string, { count: number; records: string }>;
    expect(totals.talent!.count).toBe(EXPECTED.alpha.talent);
    expect((report.body.byInstitution as unknown[]).length).toBe(1);
    // The figure's records link lists exactly its records.
    const behind = await call(`${totals.aboveThreshold!.records}&limit=500`, token, getDisclosures);
    expect((behind.body.data as unknown[]).length).toBe(totals.aboveThreshold!.count);

    const audit = await db.auditEvent.findFirst({ where: { action: 'api.read' }, orderBy: { id: 'desc' } });
    expect(audit).toMatchObject({ actorId: actors.national.userId, ip: '10.1.1.1' });
    expect(await db.auditEvent.count({ where: { action: 'access.denied', actorId: actors.national.userId } })).toBeGreaterThanOrEqual(2);
  });

  it('pages with a cursor, and answers 400 to a bad parameter', async () => {
    const { token } = await issue({ owner: actors.national.email, all: true });
    const first = await call('/api/v1/disclosures?fiscalYear=2026&limit=4', token, getDisclosures);
    expect((first.body.data as unknown[]).length).toBe(4);
    const next = (first.body.links as { next: string }).next;
    const second = await call(next, token, getDisclosures);
    expect((second.body.data as { id: string }[]).map((r) => r.id)).not.toContain((first.body.data as { id: string }[])[0]!.id);
    expect((await call('/api/v1/disclosures?status=NOPE', token, getDisclosures)).status).toBe(400);
    expect((await call('/api/v1/disclosures?limit=100000', token, getDisclosures)).status).toBe(400);
  });

  it('an officer’s token reads its institution for review', async () => {
    const { token } = await issue({ owner: actors.officerA.email, role: 'OFFICER', institutionIds: [w.a.id] });
    const list = await call('/api/v1/disclosures?fiscalYear=2026&limit=500', token, getDisclosures);
    expect((list.body.data as unknown[]).length).toBe(5);
    expect((await call(`/api/v1/disclosures/${w.people.B2!.disclosureId}`, token, (ctx) => getDisclosure(ctx, w.people.B2!.disclosureId))).status).toBe(404);
  });

  it('answers 401 to a caller without credentials, and reads for a signed-in auditor’s session', async () => {
    expect((await call('/api/v1/institutions', null, getInstitutions)).status).toBe(401);
    const viaSession = await call('/api/v1/institutions', null, getInstitutions, async () => actors.auditorA);
    expect(viaSession.body.data).toEqual([expect.objectContaining({ id: w.a.id })]);
    expect((await call('/api/v1/institutions', null, getInstitutions, async () => actors.admin)).status).toBe(404);
  });

  it('reads with the same authorization as the UI: a session actor without a reporting role gets 404', async () => {
    const researcher = await actorFor(w.people.A1!.userId);
    await expect(getInstitutions({ actor: researcher, purposes: ['audit'], url: new URL('http://x/'), tokenId: null })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('OpenAPI document', () => {
  it('is valid JSON describing every implemented route', () => {
    const doc = JSON.parse(JSON.stringify(openApiDocument)) as { openapi: string; paths: Record<string, { get?: unknown }> };
    expect(doc.openapi).toBe('3.1.0');
    const root = path.resolve(import.meta.dirname, '../../app/api/v1');
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name === 'route.ts') routes.push(`/api/v1/${path.relative(root, dir).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}'));
      }
    };
    walk(root);
    expect(routes.length).toBeGreaterThanOrEqual(5);
    for (const r of routes) expect(doc.paths[r]?.get, r).toBeDefined();
    expect(Object.keys(doc.paths).sort()).toEqual(routes.sort());
  });
});
