// Server-side sessions. The signed cookie carries only a session id; each request re-reads the row,
// the user and their memberships, so sign-out, disabling a user or changing their roles takes effect
// on the very next request, on every app process.
import 'server-only';
import { db } from '@/lib/db/client';
import type { Actor } from './roles';

const TOUCH_EVERY_MS = 5 * 60 * 1000;

export async function createSession(userId: string, opts: { maxAgeSeconds: number; ip: string | null; userAgent: string | null }) {
  const session = await db.session.create({
    data: { userId, expiresAt: new Date(Date.now() + opts.maxAgeSeconds * 1000), ip: opts.ip, userAgent: opts.userAgent },
    select: { id: true },
  });
  await db.user.update({ where: { id: userId }, data: { lastSignInAt: new Date() } });
  return session.id;
}

export async function revokeSession(sessionId: string): Promise<void> {
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

export async function revokeAllSessions(userId: string): Promise<number> {
  const res = await db.session.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return res.count;
}

/** The actor behind a session id, or null when the session is unknown, revoked, expired or the user disabled. */
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
          memberships: { select: { role: true, institutionId: true, allInstitutions: true } },
        },
      },
    },
  });
  if (!s || s.revokedAt || s.expiresAt <= new Date() || s.user.disabledAt) return null;
  if (Date.now() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: s.id }, data: { lastSeenAt: new Date() } });
  }
  return {
    userId: s.user.id,
    sessionId: s.id,
    email: s.user.email,
    displayName: s.user.displayName,
    locale: s.user.locale,
    mfaVerified: s.mfaVerified,
    memberships: s.user.memberships,
  };
}
