import { z } from 'zod';
import { uuid } from './common';

export const ROSTER_MAX_BYTES = 2_000_000;

export const rosterSchema = z.object({
  institutionId: uuid,
  csv: z.string().min(1, 'admin.roster.errors.fileRequired').max(ROSTER_MAX_BYTES, 'admin.roster.errors.fileTooLarge'),
  fileName: z.string().max(200),
  sendInvites: z.boolean(),
  /** The preview's digest: apply refuses when the file or the database changed since the preview. */
  expectedDigest: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type RosterInput = z.input<typeof rosterSchema>;
