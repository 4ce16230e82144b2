import { z } from 'zod';
import { localDateTime } from './cycle';

// The audit viewer's filters live in the URL; anything malformed is ignored rather than refused.
const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);

export const auditFilterSchema = z.object({
  actor: text(320),
  entityType: text(60),
  entityId: text(100),
  action: text(100),
  from: localDateTime.optional().catch(undefined),
  to: localDateTime.optional().catch(undefined),
  before: z.string().regex(/^\d{1,19}$/).optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function auditFilterFrom(params: Record<string, string | string[] | undefined>): AuditFilter {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v || undefined]));
  return auditFilterSchema.parse(flat);
}
