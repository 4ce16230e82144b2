'use server';

// The review page's actions. Each: officers only (defineAction), input parsed with the form's schema,
// and the disclosure loaded through the review scope by the layer (NotFoundError → 404 + audit).
// No revalidatePath here: the calling component refreshes the page (router.refresh(), see README.md),
// as every other action-calling component of the app does.
import { defineAction } from '@/lib/actions/action';
import { assign } from '@/lib/review/assign';
import { addComment } from '@/lib/review/comments';
import { decide } from '@/lib/review/decide';
import { decideMatch } from '@/lib/review/matches';
import { startReview } from '@/lib/review/open';
import { assignSchema, commentSchema, decisionSchema, matchDecisionSchema, startReviewSchema } from '@/lib/review/schemas';

export const decideAction = defineAction({
  name: 'review.decide',
  input: decisionSchema,
  roles: ['OFFICER'],
  handler: ({ actor, input, origin }) => decide(actor, input, origin),
});

export const startReviewAction = defineAction({
  name: 'review.start',
  input: startReviewSchema,
  roles: ['OFFICER'],
  handler: ({ actor, input, origin }) => startReview(actor, input, origin),
});

export const assignAction = defineAction({
  name: 'review.assign',
  input: assignSchema,
  roles: ['OFFICER'],
  handler: ({ actor, input, origin }) => assign(actor, input, origin),
});

export const decideMatchAction = defineAction({
  name: 'review.match.decide',
  input: matchDecisionSchema,
  roles: ['OFFICER'],
  handler: ({ actor, input, origin }) => decideMatch(actor, input, origin),
});

export const addCommentAction = defineAction({
  name: 'review.comment',
  input: commentSchema,
  roles: ['OFFICER'],
  handler: ({ actor, input, origin }) => addComment(actor, input, origin),
});
