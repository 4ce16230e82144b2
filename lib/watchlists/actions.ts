'use server';

import { defineSystemAdminAction } from '@/lib/actions/action';
import { importWatchlistFile } from '@/lib/watchlists/admin';
import { importWatchlistSchema } from '@/lib/watchlists/admin-schema';

export const importWatchlistAction = defineSystemAdminAction({
  name: 'watchlists.import',
  input: importWatchlistSchema,
  handler: ({ actor, input, origin }) => importWatchlistFile(actor, input, origin),
});
