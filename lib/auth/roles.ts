// What a signed-in person may do, derived from their memberships. Pure: used by the data-access layer,
// navigation and tests alike.
import type { Role } from '@/lib/generated/prisma/enums';

export const ROLES = ['RESEARCHER', 'OFFICER', 'AUDITOR', 'ADMIN'] as const satisfies readonly Role[];

export interface MembershipGrant {
  role: Role;
  institutionId: string | null;
  allInstitutions: boolean;
}

export interface Actor {
  userId: string;
  sessionId: string;
  email: string;
  displayName: string;
  locale: string | null;
  mfaVerified: boolean;
  memberships: MembershipGrant[];
  /**
   * Set while the session still owes a second factor: 'verify' (TOTP enrolled, code not yet given) or
   * 'enrol' (a role requires TOTP and none is enrolled). Such an actor may only finish that step.
   */
  mfaPending?: MfaPending;
}

export type MfaPending = 'verify' | 'enrol';

/** Where a session that owes a second factor is sent before anything else. */
export const MFA_PENDING_PATH: Record<MfaPending, string> = { verify: '/signin/verify', enrol: '/account/mfa' };

export function hasRole(actor: Pick<Actor, 'memberships'>, role: Role): boolean {
  return actor.memberships.some((m) => m.role === role);
}

/** The institutions where the actor holds `role`: 'all' for a nationwide grant. */
export function institutionsFor(actor: Pick<Actor, 'memberships'>, role: Role): 'all' | string[] {
  const grants = actor.memberships.filter((m) => m.role === role);
  if (grants.some((m) => m.allInstitutions)) return 'all';
  return [...new Set(grants.map((m) => m.institutionId).filter((id): id is string => !!id))];
}

export function canActAt(actor: Pick<Actor, 'memberships'>, role: Role, institutionId: string): boolean {
  const scope = institutionsFor(actor, role);
  return scope === 'all' || scope.includes(institutionId);
}

// Which home a person lands on when they hold several roles: daily work first.
const HOME_ORDER: Role[] = ['OFFICER', 'AUDITOR', 'RESEARCHER', 'ADMIN'];
export const HOME_PATH: Record<Role, string> = {
  RESEARCHER: '/disclosures',
  OFFICER: '/review',
  AUDITOR: '/reports',
  ADMIN: '/admin',
};

export function homePath(actor: Pick<Actor, 'memberships'>): string {
  const role = HOME_ORDER.find((r) => hasRole(actor, r));
  return role ? HOME_PATH[role] : '/no-access';
}
