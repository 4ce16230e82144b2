// The certification (誓約) that closes a submission. Its text belongs to the cycle and is frozen into the
// version with the typed name and the time; only the researcher's part is validated here.
import { z } from 'zod';
import { errorKeys as e } from './errors';
import { requiredText, typeError } from './fields';

export const certificationSchema = z.object(
  {
    fullName: requiredText(),
    accepted: z.literal(true, { error: e.mustAccept }),
  },
  { error: typeError() },
);

export type Certification = z.infer<typeof certificationSchema>;
