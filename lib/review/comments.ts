// The comment thread of a disclosure. INTERNAL comments are the office's working notes and never reach
// the researcher; RESEARCHER comments are part of the conversation with them. The officer reads both
// through the review scope; the researcher reads only RESEARCHER ones, through the filing scope
// (researcherComments, for the filing pages).
import 'server-only';
import { NotFoundError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/roles';
import { disclosureScope } from '@/lib/auth/scopes';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db/client';
import type { Origin } from './decide';
import { reviewable } from './scope';
import type { CommentInput } from './schemas';

export interface CommentView {
  id: string;
  visibility: 'INTERNAL' | 'RESEARCHER';
  body: string;
  createdAt: Date;
  author: { id: string; displayName: string };
  /** Written by the researcher of the disclosure (not by the office). */
  fromResearcher: boolean;
}

async function withAuthors(
  comments: { id: string; visibility: 'INTERNAL' | 'RESEARCHER'; body: string; createdAt: Date; authorId: string }[],
  researcherId: string,
): Promise<CommentView[]> {
  const authors = await db.user.findMany({ where: { id: { in: [...new Set(comments.map((c) => c.authorId))] } }, select: { id: true, displayName: true } });
  const names = new Map(authors.map((a) => [a.id, a.displayName]));
  return comments.map(({ authorId, ...c }) => ({
    ...c,
    author: { id: authorId, displayName: names.get(authorId) ?? '' },
    fromResearcher: authorId === researcherId,
  }));
}

/** The whole thread, oldest first, for an officer of the disclosure's institution. */
export async function officerComments(actor: Actor, disclosureId: string): Promise<CommentView[]> {
  const d = await db.disclosure.findFirst({ where: reviewable(actor, disclosureId), select: { researcherId: true } });
  if (!d) throw new NotFoundError(`Disclosure:${disclosureId}`);
  const comments = await db.comment.findMany({
    where: { disclosureId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, visibility: true, body: true, createdAt: true, authorId: true },
  });
  return withAuthors(comments, d.researcherId);
}

/**
 * For the filing pages: the comments the researcher may read on their own disclosure, oldest first.
 * Never returns INTERNAL comments; a disclosure that is not theirs answers NotFoundError.
 */
export async function researcherComments(actor: Actor, disclosureId: string): Promise<CommentView[]> {
  const d = await db.disclosure.findFirst({ where: { AND: [disclosureScope(actor, 'file'), { id: disclosureId }] }, select: { researcherId: true } });
  if (!d) throw new NotFoundError(`Disclosure:${disclosureId}`);
  const comments = await db.comment.findMany({
    where: { disclosureId, visibility: 'RESEARCHER' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, visibility: true, body: true, createdAt: true, authorId: true },
  });
  return withAuthors(comments, d.researcherId);
}

export async function addComment(actor: Actor, input: Required<CommentInput>, origin: Origin): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const d = await tx.disclosure.findFirst({ where: reviewable(actor, input.disclosureId), select: { id: true, institutionId: true } });
    if (!d) throw new NotFoundError(`Disclosure:${input.disclosureId}`);
    const c = await tx.comment.create({
      data: { disclosureId: d.id, authorId: actor.userId, visibility: input.visibility, body: input.body },
      select: { id: true },
    });
    await recordAudit(tx, {
      action: 'review.comment',
      actorId: actor.userId,
      actorEmail: actor.email,
      entityType: 'Disclosure',
      entityId: d.id,
      institutionId: d.institutionId,
      ...origin,
      details: { commentId: c.id, visibility: input.visibility, length: input.body.length },
    });
    return c;
  });
}
