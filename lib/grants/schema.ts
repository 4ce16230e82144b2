// The grant import form's schema (browser and server action). Messages are catalog keys (grants.errors.*).
import { z } from 'zod';

export const importGrantsSchema = z.object({
  fileName: z.string().trim().min(1, 'grants.errors.fileRequired').max(255, 'grants.errors.tooLong'),
  csvText: z.string().min(1, 'grants.errors.fileRequired').max(24 * 1024 * 1024, 'grants.errors.fileTooLarge'),
});
export type ImportGrantsInput = z.input<typeof importGrantsSchema>;
