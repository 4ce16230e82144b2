'use server';

import { z } from 'zod';
import { defineAction } from '@/lib/actions/action';
import { issueToken, issueTokenSchema, revokeToken } from '@/lib/api/tokens';

/** Issues a personal access token; the plain token is in the result, once. */
export const issueApiTokenAction = defineAction({
  name: 'api_token.issue',
  input: issueTokenSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => issueToken(actor, input, origin),
});

export const revokeApiTokenAction = defineAction({
  name: 'api_token.revoke',
  input: z.object({ id: z.uuid() }),
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => revokeToken(actor, input.id, origin),
});
