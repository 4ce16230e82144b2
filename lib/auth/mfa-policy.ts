// Which roles must use a second factor. An administrator sets it (Setting `mfa.requiredRoles`); until
// then it is on for officers, auditors and administrators in production and off in development and demo.
import 'server-only';
import { rawEnv } from '@/lib/env';
import { db } from '@/lib/db/client';
import type { Tx } from '@/lib/db/client';
import type { Role } from '@/lib/generated/prisma/enums';
import { ROLES } from './roles';

export const MFA_REQUIRED_ROLES_KEY = 'mfa.requiredRoles';

/** Read one variable at a time (rawEnv, not env()): loadActor runs this, and must not need the whole configuration. */
export function defaultRequiredRoles(source: Record<string, string | undefined> = { NODE_ENV: rawEnv('NODE_ENV'), KAIJI_DEMO: rawEnv('KAIJI_DEMO') }): Role[] {
  const demo = source.KAIJI_DEMO === '1' || source.KAIJI_DEMO === 'true';
  return source.NODE_ENV === 'production' && !demo ? ['OFFICER', 'AUDITOR', 'ADMIN'] : [];
}

export function parseRoles(value: unknown): Role[] | null {
  if (!Array.isArray(value)) return null;
  return ROLES.filter((r) => value.includes(r));
}

export async function mfaRequiredRoles(client: Tx | typeof db = db): Promise<{ roles: Role[]; isDefault: boolean }> {
  const row = await client.setting.findUnique({ where: { key: MFA_REQUIRED_ROLES_KEY }, select: { value: true } });
  const roles = row ? parseRoles(row.value) : null;
  return roles ? { roles, isDefault: false } : { roles: defaultRequiredRoles(), isDefault: true };
}

export function roleRequiresMfa(held: readonly Role[], required: readonly Role[]): boolean {
  return held.some((r) => required.includes(r));
}
