// Helpers of the administration audit events (who and from where: auditBy in lib/audit/by.ts).
import 'server-only';
import type { Origin } from '@/lib/audit/record';

export const NO_ORIGIN: Origin = { ip: null, userAgent: null };

/** Which of `keys` differ between two records, as { key: [before, after] } for the audit details. */
export function changes<T extends Record<string, unknown>>(before: T, after: Partial<T>, keys: (keyof T)[]): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const k of keys) {
    const a = before[k];
    const b = after[k];
    if (b !== undefined && JSON.stringify(a) !== JSON.stringify(b)) out[String(k)] = [a, b];
  }
  return out;
}

export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';
}
