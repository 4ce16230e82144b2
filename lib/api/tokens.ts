// Personal access tokens for /api/v1. A token is "kaiji_pat_" and 43 base64url characters (256 random
// bits); only its SHA-256 is stored, with a short prefix to recognise it by. A system administrator
// issues it for a person (its owner) with a role (AUDITOR or OFFICER) and a scope (some institutions,
// or all), never wider than what the owner holds; it can be revoked, may expire, and records when it
// was last used (at most once a minute). On every request the token acts as its owner with only the
// token's role and scope, narrowed to the owner's current grants: take the role away from the owner and
// the token reads nothing; disable the owner and it is refused.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { ActionError, NotFoundError } from '@/lib/errors';
import { type Actor, type MembershipGrant, institutionsFor } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import { type IssueTokenInput, type TokenRole } from './token-schema';

export { TOKEN_ROLES, issueTokenSchema, type IssueTokenInput, type TokenRole } from './token-schema';

export const TOKEN_PREFIX = 'kaiji_pat_';
const TOKEN_PATTERN = /^kaiji_pat_[A-Za-z0-9_-]{43}$/;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function generateToken(): { token: string; prefix: string; hash: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, prefix: token.slice(0, 16), hash: hashToken(token) };
}

export function isSystemAdmin(actor: Pick<Actor, 'memberships'>): boolean {
  return institutionsFor(actor, 'ADMIN') === 'all';
}

type Origin = { ip: string | null; userAgent: string | null };

/** Issues a token; the plain token is returned once and never stored. */
export async function issueToken(actor: Actor, input: IssueTokenInput, origin: Origin): Promise<{ id: string; token: string; prefix: string }> {
  if (!isSystemAdmin(actor)) throw new NotFoundError('api-tokens');
  return db.$transaction(async (tx) => {
    const owner = await tx.user.findUnique({
      where: { email: input.ownerEmail },
      select: { id: true, disabledAt: true, memberships: { select: { role: true, institutionId: true, allInstitutions: true } } },
    });
    if (!owner || owner.disabledAt) throw new ActionError('errors.invalidInput', { ownerEmail: ['apiTokens.errors.ownerUnknown'] });
    const held = institutionsFor(owner, input.role);
    const wanted = input.allInstitutions ? 'all' : [...new Set(input.institutionIds)];
    const covered = held === 'all' || (wanted !== 'all' && wanted.every((id) => held.includes(id)));
    if (!covered) throw new ActionError('errors.invalidInput', { institutionIds: ['apiTokens.errors.beyondOwner'] });
    if (wanted !== 'all') {
      const found = await tx.institution.count({ where: { id: { in: wanted } } });
      if (found !== wanted.length) throw new ActionError('errors.invalidInput', { institutionIds: ['apiTokens.errors.scopeRequired'] });
    }
    const { token, prefix, hash } = generateToken();
    const row = await tx.apiToken.create({
      data: {
        name: input.name,
        prefix,
        tokenHash: hash,
        ownerId: owner.id,
        role: input.role,
        allInstitutions: wanted === 'all',
        institutionIds: wanted === 'all' ? [] : wanted,
        createdById: actor.userId,
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: 'api_token.issue',
      actorId: actor.userId,
      actorEmail: actor.email,
      entityType: 'ApiToken',
      entityId: row.id,
      ...origin,
      details: { name: input.name, prefix, owner: input.ownerEmail, role: input.role, scope: wanted, expiresInDays: input.expiresInDays },
    });
    return { id: row.id, token, prefix };
  });
}

export async function revokeToken(actor: Actor, id: string, origin: Origin): Promise<void> {
  if (!isSystemAdmin(actor)) throw new NotFoundError('api-tokens');
  await db.$transaction(async (tx) => {
    const done = await tx.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (!done.count) {
      if (!(await tx.apiToken.count({ where: { id } }))) throw new NotFoundError(`ApiToken:${id}`);
      return; // already revoked: nothing to do, nothing to record
    }
    await recordAudit(tx, { action: 'api_token.revoke', actorId: actor.userId, actorEmail: actor.email, entityType: 'ApiToken', entityId: id, ...origin });
  });
}

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  ownerEmail: string;
  ownerName: string;
  role: string;
  allInstitutions: boolean;
  institutions: { id: string; nameJa: string; nameEn: string }[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  state: 'active' | 'revoked' | 'expired';
}

export async function listTokens(actor: Actor): Promise<TokenRow[]> {
  if (!isSystemAdmin(actor)) throw new NotFoundError('api-tokens');
  const rows = await db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    take: 500,
    select: {
      id: true,
      name: true,
      prefix: true,
      role: true,
      allInstitutions: true,
      institutionIds: true,
      createdAt: true,
      expiresAt: true,
      lastUsedAt: true,
      revokedAt: true,
      owner: { select: { email: true, displayName: true } },
    },
  });
  const ids = [...new Set(rows.flatMap((r) => r.institutionIds))];
  const institutions = new Map(
    (await db.institution.findMany({ where: { id: { in: ids } }, select: { id: true, nameJa: true, nameEn: true } })).map((i) => [i.id, i]),
  );
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    ownerEmail: r.owner.email,
    ownerName: r.owner.displayName,
    role: r.role,
    allInstitutions: r.allInstitutions,
    institutions: r.institutionIds.flatMap((id) => institutions.get(id) ?? []),
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
    state: r.revokedAt ? 'revoked' : r.expiresAt && r.expiresAt <= now ? 'expired' : 'active',
  }));
}

/** The token's grants narrowed to what its owner holds now. */
function effectiveGrants(token: { role: TokenRole; allInstitutions: boolean; institutionIds: string[] }, owner: Pick<Actor, 'memberships'>): MembershipGrant[] {
  const held = institutionsFor(owner, token.role);
  const asked: 'all' | string[] = token.allInstitutions ? 'all' : token.institutionIds;
  const effective = held === 'all' ? asked : asked === 'all' ? held : asked.filter((id) => held.includes(id));
  return effective === 'all'
    ? [{ role: token.role, institutionId: null, allInstitutions: true }]
    : effective.map((id) => ({ role: token.role, institutionId: id, allInstitutions: false }));
}

/** The actor a bearer token stands for, or null (malformed, unknown, revoked, expired, owner disabled). */
export async function authenticateToken(token: string): Promise<{ actor: Actor; tokenId: string } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      name: true,
      role: true,
      allInstitutions: true,
      institutionIds: true,
      expiresAt: true,
      revokedAt: true,
      owner: {
        select: { id: true, email: true, displayName: true, locale: true, disabledAt: true, memberships: { select: { role: true, institutionId: true, allInstitutions: true } } },
      },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= new Date()) || row.owner.disabledAt) return null;
  if (row.role !== 'AUDITOR' && row.role !== 'OFFICER') return null;
  await db.$executeRaw`UPDATE "ApiToken" SET "lastUsedAt" = now()
    WHERE id = ${row.id}::uuid AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '1 minute')`;
  return {
    tokenId: row.id,
    actor: {
      userId: row.owner.id,
      sessionId: `api-token:${row.id}`,
      email: row.owner.email,
      displayName: row.owner.displayName,
      locale: row.owner.locale,
      mfaVerified: true,
      memberships: effectiveGrants({ role: row.role, allInstitutions: row.allInstitutions, institutionIds: row.institutionIds }, row.owner),
    },
  };
}

/** Institutions a token's scope can name (the issue form's choices). */
export async function tokenScopeChoices(actor: Actor): Promise<{ id: string; nameJa: string; nameEn: string }[]> {
  if (!isSystemAdmin(actor)) throw new NotFoundError('api-tokens');
  return db.institution.findMany({ where: { retiredAt: null }, select: { id: true, nameJa: true, nameEn: true }, orderBy: { nameEn: 'asc' } });
}
