import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';

export const mfaPolicySchema = z.object({
  requiredRoles: z.array(z.enum(ROLES, 'admin.errors.invalidReference')).max(ROLES.length),
});
export type MfaPolicyInput = z.input<typeof mfaPolicySchema>;
