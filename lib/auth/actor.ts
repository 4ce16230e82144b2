// The one entry point for "who is asking": every page, server action and route handler goes through
// these functions (directly or via lib/actions). Anything not the actor's answers 404, everywhere.
import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { recordAuditNow } from '@/lib/audit/record';
import type { Role } from '@/lib/generated/prisma/enums';
import { clientIp, userAgent } from './request-info';
import { requestSessionId } from './session-token';
import { REQUEST_PATH_HEADER, signInPathFor } from './return-to';
import { type Actor, MFA_PENDING_PATH, hasRole } from './roles';
import { loadActor } from './sessions';

export type { Actor } from './roles';

/**
 * The session's actor of this request, including one that still owes a second factor (`mfaPending`).
 * Only the second-factor pages and actions use this directly. Read once per request.
 */
export const currentSession = cache(async (): Promise<Actor | null> => {
  const sid = await requestSessionId();
  return sid ? loadActor(sid) : null;
});

/** The signed-in actor of this request, or null (also while a second factor is still owed). */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const actor = await currentSession();
  return actor && !actor.mfaPending ? actor : null;
});

/**
 * For pages: the actor, or a redirect to sign-in, or to the second-factor step the session still owes;
 * either keeps the page asked for, to come back to afterwards.
 */
export async function requireActor(): Promise<Actor> {
  const actor = await currentSession();
  if (!actor || actor.mfaPending) {
    const asked = (await headers()).get(REQUEST_PATH_HEADER);
    redirect(signInPathFor(asked, actor?.mfaPending ? MFA_PENDING_PATH[actor.mfaPending] : '/signin'));
  }
  return actor;
}

/** For pages: the actor holding `role`; anyone else gets the same 404 as a missing page (and an audit event). */
export async function requireRole(role: Role, resource = 'page'): Promise<Actor> {
  const actor = await requireActor();
  if (!hasRole(actor, role)) await deny(actor, `role:${role}`, resource);
  return actor;
}

/** Records a refused access and answers 404. */
export async function deny(actor: Actor | null, permission: string, resource: string): Promise<never> {
  const h = await headers();
  await recordAuditNow({
    action: 'access.denied',
    outcome: 'DENIED',
    actorId: actor?.userId ?? null,
    actorEmail: actor?.email ?? null,
    ip: clientIp(h),
    userAgent: userAgent(h),
    details: { permission, resource },
  });
  notFound();
}

export async function requestOrigin(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: userAgent(h) };
}
