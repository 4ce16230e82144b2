// Server-side sessions. The signed cookie carries only a session id; each request re-reads the row,
// the user and their memberships, so sign-out, disabling a user or changing their roles takes effect
// on the very next request, on every app process.
import 'server-only';
import { rawEnv } from '@/lib/env';
import { type Tx, db } from '@/lib/db/client';
import { mfaRequiredRoles, roleRequiresMfa } from './mfa-policy';
import type { Actor, MfaPending } from './roles';

/** lastSeenAt is written at most once a minute per session, not on every request of a burst. */
const TOUCH_EVERY_MS = 60 * 1000;

/**
 * SESSION_IDLE_MINUTES: a session unused for this long ends (default 30; 0 turns the idle limit off).
 * Read here rather than through env() so the session lookup needs nothing else configured.
 */
export function idleLimitMs(value: string | undefined = rawEnv('SESSION_IDLE_MINUTES')): number {
  const minutes = value === undefined || value === '' ? 30 : Number(value);
  return Number.isFinite(minutes) && minutes > 0 ? minutes * 60 * 1000 : 0;
}

/** `mfaVerified` only when a second factor was already checked (an SSO provider asserting one: sso.ts). */
export async function createSession(
  userId: string,
  opts: { maxAgeSeconds: number; ip: string | null; userAgent: string | null; mfaVerified?: boolean },
) {
  const session = await db.session.create({
    data: {
      userId,
      expiresAt: new Date(Date.now() + opts.maxAgeSeconds * 1000),
      ip: opts.ip,
      userAgent: opts.userAgent,
      mfaVerified: opts.mfaVerified ?? false,
    },
    select: { id: true },
  });
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
  return session.id;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of the user; pass the transaction when it is part of a larger change (disabling). */
export async function revokeAllSessions(userId: string, client: Tx | typeof db = db): Promise<number> {
  const res = await client.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return res.count;
}

/**
 * The actor behind a session id, or null when the session is unknown, revoked, expired or the user disabled.
 * A session that still owes a second factor comes back with `mfaPending` set (see actor.ts).
 */
export async function loadActor(sessionId: string): Promise<Actor | null> {
  const s = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastSeenAt: true,
      mfaVerified: true,
      user: {
        select: {
          id: true,
          email: true,
          displayName: true,
          locale: true,
          disabledAt: true,
          totpEnabledAt: true,
          memberships: { select: { role: true, institutionId: true, allInstitutions: true } },
        },
      },
    },
  });
  if (!s || s.revokedAt || s.expiresAt <= new Date() || s.user.disabledAt) return null;
  const idle = idleLimitMs();
  const now = Date.now();
  if (idle && now - s.lastSeenAt.getTime() > idle) {
    // Idle too long: ended for good, so the same cookie cannot come back later.
    await db.session.updateMany({ where: { id: s.id, revokedAt: null }, data: { revokedAt: new Date(now) } });
    return null;
  }
  if (now - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    // Conditional: of many parallel requests only the first one's write changes the row.
    await db.session.updateMany({ where: { id: s.id, lastSeenAt: { lt: new Date(now - TOUCH_EVERY_MS) } }, data: { lastSeenAt: new Date(now) } });
  }
  let mfaPending: MfaPending | undefined;
  if (!s.mfaVerified) {
    if (s.user.totpEnabledAt) mfaPending = 'verify';
    else if (roleRequiresMfa(s.user.memberships.map((m) => m.role), (await mfaRequiredRoles()).roles)) mfaPending = 'enrol';
  }
  return {
    userId: s.user.id,
    sessionId: s.id,
    email: s.user.email,
    displayName: s.user.displayName,
    locale: s.user.locale,
    mfaVerified: s.mfaVerified,
    memberships: s.user.memberships,
    ...(mfaPending ? { mfaPending } : {}),
  };
}
