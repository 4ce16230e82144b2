'use server';
// Accepting or dismissing a grant suggested from the imported domestic grants (lib/filing/grant-suggestions.ts).
import { defineAction } from '@/lib/actions/action';
import { acceptGrantSuggestion, dismissGrantSuggestion } from '@/lib/filing/grant-suggestions';
import { grantAnswerInput } from '@/lib/filing/schemas';

export const acceptGrantAction = defineAction({
  name: 'filing.acceptGrant',
  input: grantAnswerInput,
  roles: ['RESEARCHER'],
  handler: ({ actor, input, origin }) => acceptGrantSuggestion(actor, input, origin),
});

export const dismissGrantAction = defineAction({
  name: 'filing.dismissGrant',
  input: grantAnswerInput,
  roles: ['RESEARCHER'],
  handler: ({ actor, input, origin }) => dismissGrantSuggestion(actor, input, origin),
});
