// Audit events written by administration changes: who and from where, filled in once.
import 'server-only';
import { type AuditInput, recordAudit, type Origin } from '@/lib/audit/record';
import type { Actor } from '@/lib/auth/roles';
import type { Tx } from '@/lib/db/client';

export const NO_ORIGIN: Origin = { ip: null, userAgent: null };

export function adminAudit(tx: Tx, actor: Actor, origin: Origin, e: Omit<AuditInput, 'actorId' | 'actorEmail' | 'ip' | 'userAgent'>) {
  return recordAudit(tx, { ...e, actorId: actor.userId, actorEmail: actor.email, ...origin });
}

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
