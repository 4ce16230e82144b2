// The rate limits of /api/v1: enforced by http.ts (in PostgreSQL), stated by the document (openapi.ts).
import type { Limit } from '@/lib/security/rate-limit';

export const API_LIMITS = {
  /** Requests per token. */
  perToken: { max: 600, windowSeconds: 60 },
  /** Requests with an unknown, revoked or expired token, per client address. */
  badTokensPerAddress: { max: 20, windowSeconds: 15 * 60 },
} as const satisfies Record<string, Limit>;
