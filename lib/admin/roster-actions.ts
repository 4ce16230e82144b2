'use server';

import { defineAction } from '@/lib/actions/action';
import { applyRoster, previewRoster } from '@/lib/admin/roster';
import { rosterSchema } from '@/lib/admin/schemas/roster';

export const previewRosterAction = defineAction({
  name: 'admin.roster.preview',
  input: rosterSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input }) => previewRoster(actor, input),
});

export const applyRosterAction = defineAction({
  name: 'admin.roster.import',
  input: rosterSchema,
  roles: ['ADMIN'],
  handler: ({ actor, input, origin }) => applyRoster(actor, input, origin),
});
