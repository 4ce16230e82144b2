// Route handlers cannot use redirect()/notFound() the way pages do; this gives them the same answers:
// anonymous → sign-in (or the owed second factor), anyone but an administrator → an audited 404.
import 'server-only';
import { currentSession } from '@/lib/auth/actor';
import { clientIp, userAgent } from '@/lib/auth/request-info';
import { type Actor, MFA_PENDING_PATH, hasRole } from '@/lib/auth/roles';
import { recordAuditNow } from '@/lib/audit/record';

export async function adminRouteActor(request: Request, resource: string): Promise<Actor | Response> {
  const actor = await currentSession();
  if (!actor) return Response.redirect(new URL('/signin', request.url), 307);
  if (actor.mfaPending) return Response.redirect(new URL(MFA_PENDING_PATH[actor.mfaPending], request.url), 307);
  if (!hasRole(actor, 'ADMIN')) {
    await recordAuditNow({
      action: 'access.denied',
      outcome: 'DENIED',
      actorId: actor.userId,
      actorEmail: actor.email,
      ip: clientIp(request.headers),
      userAgent: userAgent(request.headers),
      details: { permission: 'role:ADMIN', resource },
    });
    return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  return actor;
}
