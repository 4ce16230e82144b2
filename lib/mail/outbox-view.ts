// The demo outbox (/outbox, only with KAIJI_DEMO): mail that would have been sent, readable in the app
// because a demo server has no SMTP. People see mail addressed to them; a system administrator sees all
// of it; an institution's administrator sees the mail of the people whose every role and profile is at
// their institutions (the people they may manage) — never that of someone who also holds a role
// elsewhere, whose password-reset link would hand them an account beyond their reach (issue 12, item 7).
import 'server-only';
import { where } from '@/lib/admin/scope';
import { type Actor, hasRole } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';

export async function outboxFor(actor: Actor, o: { take?: number } = {}) {
  let filter: Prisma.EmailMessageWhereInput = { toAddress: actor.email };
  if (hasRole(actor, 'ADMIN')) {
    const scoped = where.manageableUser(actor);
    if (!Object.keys(scoped).length) filter = {};
    else {
      const people = await db.user.findMany({ where: scoped, select: { email: true } });
      filter = { toAddress: { in: [actor.email, ...people.map((p) => p.email)] } };
    }
  }
  return db.emailMessage.findMany({
    where: filter,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: o.take ?? 100,
    select: { id: true, toAddress: true, subject: true, bodyText: true, status: true, createdAt: true, sentAt: true },
  });
}
