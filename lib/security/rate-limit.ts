// The one rate limiter of the app: fixed-window counters kept in PostgreSQL, so every app process sees
// the same counts. An attempt is *reserved* by one atomic statement before the guarded work runs (the
// password or code check, the API call): parallel requests cannot all read "4 of 5" and all proceed,
// because each one's increment and the window roll-over happen in the same row-locked upsert.
import 'server-only';
import { db } from '@/lib/db/client';

export interface Limit {
  max: number;
  windowSeconds: number;
}

export interface Reservation {
  /** True when this attempt is within the limit and the guarded work may run. */
  allowed: boolean;
  /** Attempts in the current window, this one included. */
  count: number;
  /** Seconds until the window ends (for a Retry-After header). */
  retryAfterSeconds: number;
}

/**
 * Reserves one attempt of `key`: adds one to its count (starting a new window when the old one has
 * passed) and says whether the attempt is within `limit`. One statement, so concurrent callers are
 * serialised by PostgreSQL's row lock and at most `limit.max` of them are ever allowed per window.
 */
export async function reserve(key: string, limit: Limit): Promise<Reservation> {
  const rows = await db.$queryRaw<{ count: number; retry: number }[]>`
    INSERT INTO "RateLimit" (key, count, "windowStart") VALUES (${key}, 1, now())
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN "RateLimit"."windowStart" > now() - make_interval(secs => ${limit.windowSeconds})
                   THEN "RateLimit".count + 1 ELSE 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" > now() - make_interval(secs => ${limit.windowSeconds})
                   THEN "RateLimit"."windowStart" ELSE now() END
    RETURNING count,
      GREATEST(0, CEIL(EXTRACT(EPOCH FROM ("windowStart" + make_interval(secs => ${limit.windowSeconds}) - now()))))::int AS retry`;
  const row = rows[0] ?? { count: 1, retry: limit.windowSeconds };
  return { allowed: row.count <= limit.max, count: row.count, retryAfterSeconds: row.retry };
}

/** Reserves one attempt of every key at once; allowed only when every key is within its limit. */
export async function reserveAll(entries: [key: string, limit: Limit][]): Promise<Reservation> {
  const results = await Promise.all(entries.map(([key, limit]) => reserve(key, limit)));
  return {
    allowed: results.every((r) => r.allowed),
    count: Math.max(...results.map((r) => r.count)),
    retryAfterSeconds: Math.max(0, ...results.filter((r) => !r.allowed).map((r) => r.retryAfterSeconds)),
  };
}

/**
 * Gives back one reserved attempt (never below zero), for an attempt that turned out not to count,
 * such as a successful sign-in against the per-address limit.
 */
export async function release(key: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimit" SET count = GREATEST(count - 1, 0) WHERE key = ${key}`;
}

/** Current count of `key` within its window (0 when the window has passed). For display only: never gate on it. */
export async function peek(key: string, limit: Limit): Promise<number> {
  const rows = await db.$queryRaw<{ count: number }[]>`
    SELECT count FROM "RateLimit"
    WHERE key = ${key} AND "windowStart" > now() - make_interval(secs => ${limit.windowSeconds})`;
  return rows[0]?.count ?? 0;
}

/** Clears `key`, e.g. an account's failures after it signed in. */
export async function reset(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

export const SIGN_IN_LIMITS = {
  perAccount: { max: 5, windowSeconds: 15 * 60 },
  perAddress: { max: 30, windowSeconds: 15 * 60 },
} as const;

export const MFA_LIMIT = { max: 5, windowSeconds: 15 * 60 } as const;
