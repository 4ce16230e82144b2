// People as administrators see them: who they are, their roles at the institutions in scope, whether
// they have accepted their invitation, when they last signed in.
import 'server-only';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { PeopleFilter } from './schemas/person';
import { inScope, where } from './scope';

export const PEOPLE_PAGE_SIZE = 50;
export type PersonStatus = 'active' | 'invited' | 'disabled';

const STATUS_WHERE: Record<PersonStatus, Prisma.UserWhereInput> = {
  active: { disabledAt: null, passwordHash: { not: null } },
  invited: { disabledAt: null, passwordHash: null },
  disabled: { disabledAt: { not: null } },
};

function statusOf(u: { disabledAt: Date | null; passwordHash: string | null }): PersonStatus {
  return u.disabledAt ? 'disabled' : u.passwordHash ? 'active' : 'invited';
}

const institutionName = { select: { id: true, slug: true, nameJa: true, nameEn: true } } as const;

function personSelect(actor: Actor) {
  return {
    id: true,
    email: true,
    displayName: true,
    nameKanji: true,
    nameKana: true,
    nameRomaji: true,
    passwordHash: true,
    disabledAt: true,
    lastSignInAt: true,
    totpEnabledAt: true,
    createdAt: true,
    memberships: {
      where: where.membership(actor),
      orderBy: { createdAt: 'asc' },
      select: { id: true, role: true, allInstitutions: true, institution: institutionName },
    },
    profile: {
      select: {
        institutionId: true,
        position: true,
        eradNumber: true,
        orcid: true,
        institution: institutionName,
        department: { select: { code: true, nameJa: true, nameEn: true } },
      },
    },
  } as const satisfies Prisma.UserSelect;
}

type Row = Prisma.UserGetPayload<{ select: ReturnType<typeof personSelect> }>;

// The password hash is read only to tell "invited" from "active"; it never leaves this module.
function present({ passwordHash, ...u }: Row, actor: Actor) {
  return { ...u, profile: u.profile && inScope(actor, u.profile.institutionId) ? u.profile : null, status: statusOf({ disabledAt: u.disabledAt, passwordHash }), mfaEnabled: !!u.totpEnabledAt };
}

export async function listPeople(actor: Actor, f: PeopleFilter) {
  const and: Prisma.UserWhereInput[] = [where.user(actor)];
  if (f.q) {
    const q = f.q.trim();
    and.push({
      OR: [
        { email: { contains: q.toLowerCase() } },
        { displayName: { contains: q, mode: 'insensitive' } },
        { nameKanji: { contains: q } },
        { nameKana: { contains: q } },
        { nameRomaji: { contains: q, mode: 'insensitive' } },
        { profile: { is: { eradNumber: q } } },
      ],
    });
  }
  if (f.institution) and.push({ OR: [{ memberships: { some: { institutionId: f.institution } } }, { profile: { is: { institutionId: f.institution } } }] });
  if (f.role) and.push({ memberships: { some: { AND: [where.membership(actor), { role: f.role }] } } });
  if (f.status) and.push(STATUS_WHERE[f.status]);
  if (f.after) and.push({ email: { gt: f.after } });
  const rows = await db.user.findMany({ where: { AND: and }, orderBy: { email: 'asc' }, take: PEOPLE_PAGE_SIZE + 1, select: personSelect(actor) });
  const page = rows.slice(0, PEOPLE_PAGE_SIZE).map((r) => present(r, actor));
  return { people: page, nextAfter: rows.length > PEOPLE_PAGE_SIZE ? page[page.length - 1]?.email : undefined };
}

export async function getPerson(actor: Actor, id: string) {
  const row = await db.user.findFirst({ where: { AND: [where.user(actor), { id }] }, select: { ...personSelect(actor), locale: true } });
  if (!row) return null;
  const [manageable, activeSessions, invitation, recoveryCodesLeft] = await Promise.all([
    db.user.count({ where: { AND: [where.manageableUser(actor), { id }] } }),
    db.session.count({ where: { userId: id, revokedAt: null, expiresAt: { gt: new Date() } } }),
    db.accountToken.findFirst({ where: { userId: id, purpose: 'INVITE' }, orderBy: { createdAt: 'desc' }, select: { expiresAt: true, usedAt: true, createdAt: true } }),
    db.recoveryCode.count({ where: { userId: id, usedAt: null } }),
  ]);
  return { ...present(row, actor), locale: row.locale, manageable: manageable === 1, activeSessions, invitation, recoveryCodesLeft };
}

export type PersonDetail = NonNullable<Awaited<ReturnType<typeof getPerson>>>;
export type PersonRow = Awaited<ReturnType<typeof listPeople>>['people'][number];
