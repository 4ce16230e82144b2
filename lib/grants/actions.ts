'use server';

import { importGrantsFile } from '@/lib/grants/admin';
import { importGrantsSchema } from '@/lib/grants/schema';
import { defineSystemAdminAction } from '@/lib/actions/action';

export const importGrantsAction = defineSystemAdminAction({
  name: 'grants.import',
  input: importGrantsSchema,
  handler: ({ actor, input, origin }) => importGrantsFile(actor, input, origin),
});
