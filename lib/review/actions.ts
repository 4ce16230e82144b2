'use server';

// The review page's actions. Each: officers only (defineAction), input parsed with the form's schema,
// and the disclosure loaded through the review scope by the layer (NotFoundError → 404 + audit).
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions/action';
import { assign } from '@/lib/review/assign';
import { addComment } from '@/lib/review/comments';
import { decide } from '@/lib/review/decide';
import { decideMatch } from '@/lib/review/matches';
import { startReview } from '@/lib/review/open';
import { assignSchema, commentSchema, decisionSchema, matchDecisionSchema, startReviewSchema } from '@/lib/review/schemas';

/** Outside a request (tests) there is no page cache to refresh. */
function refresh(disclosureId: string) {
  try {
    revalidatePath(`/review/${disclosureId}`);
    revalidatePath('/review');
  } catch {
    // not in a request
  }
}

export const decideAction = defineAction({
  name: 'review.decide',
  input: decisionSchema,
  roles: ['OFFICER'],
  handler: async ({ actor, input, origin }) => {
    const result = await decide(actor, input, origin);
    refresh(input.disclosureId);
    return result;
  },
});

export const startReviewAction = defineAction({
  name: 'review.start',
  input: startReviewSchema,
  roles: ['OFFICER'],
  handler: async ({ actor, input, origin }) => {
    const result = await startReview(actor, input, origin);
    refresh(input.disclosureId);
    return result;
  },
});

export const assignAction = defineAction({
  name: 'review.assign',
  input: assignSchema,
  roles: ['OFFICER'],
  handler: async ({ actor, input, origin }) => {
    const result = await assign(actor, input, origin);
    refresh(input.disclosureId);
    return result;
  },
});

export const decideMatchAction = defineAction({
  name: 'review.match.decide',
  input: matchDecisionSchema,
  roles: ['OFFICER'],
  handler: async ({ actor, input, origin }) => {
    const result = await decideMatch(actor, input, origin);
    refresh(input.disclosureId);
    return result;
  },
});

export const addCommentAction = defineAction({
  name: 'review.comment',
  input: commentSchema,
  roles: ['OFFICER'],
  handler: async ({ actor, input, origin }) => {
    const result = await addComment(actor, input, origin);
    refresh(input.disclosureId);
    return result;
  },
});
