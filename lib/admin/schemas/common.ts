import { z } from 'zod';
import { safeString } from '@/lib/security/sanitise';

// Pieces the administration forms share. Messages are catalog keys (admin.errors.*).
export const uuid = z.uuid('admin.errors.invalidReference');
export const idInput = z.object({ id: uuid });
export type IdInput = z.input<typeof idInput>;

export const requiredText = (max: number) =>
  safeString().trim().min(1, 'admin.errors.required').max(max, 'admin.errors.tooLong');
export const optionalText = (max: number) => safeString().trim().max(max, 'admin.errors.tooLong');
