import { z } from 'zod';
import { type SearchParamsInput, firstSearchParams, param } from '@/lib/security/url-params';

// The audit viewer's filters live in the URL; anything malformed (an impossible date, a cursor beyond a
// 64-bit id, text PostgreSQL cannot store) is ignored rather than refused.
const text = (max: number) => z.string().trim().max(max).optional().catch(undefined);

export const auditFilterSchema = z.object({
  actor: text(320),
  entityType: text(60),
  entityId: text(100),
  action: text(100),
  from: param.localDateTime().optional().catch(undefined),
  to: param.localDateTime().optional().catch(undefined),
  before: param.int8Id().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export function auditFilterFrom(params: SearchParamsInput): AuditFilter {
  return auditFilterSchema.parse(firstSearchParams(params));
}
