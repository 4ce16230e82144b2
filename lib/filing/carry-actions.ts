'use server';
// Answers to "from last year — still true?" (lib/filing/carry-answers.ts), through defineAction like
// every filing action: session, researcher role, the same zod schema; the filing layer checks ownership.
import { defineAction } from '@/lib/actions/action';
import { confirmCarried, endCarried } from '@/lib/filing/carry-answers';
import { confirmCarriedInput, endCarriedInput } from '@/lib/filing/schemas';

export const confirmCarriedAction = defineAction({
  name: 'filing.confirmCarried',
  input: confirmCarriedInput,
  roles: ['RESEARCHER'],
  handler: ({ actor, input, origin }) => confirmCarried(actor, input, origin),
});

export const endCarriedAction = defineAction({
  name: 'filing.endCarried',
  input: endCarriedInput,
  roles: ['RESEARCHER'],
  handler: ({ actor, input, origin }) => endCarried(actor, input, origin),
});
