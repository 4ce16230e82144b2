// Time-based one-time passwords (RFC 6238, the authenticator-app defaults: SHA-1, 6 digits, 30 s) with
// replay protection: a code's time step is accepted at most once per person, and never one older than
// the last accepted, so a code seen over someone's shoulder cannot be used again.
import 'server-only';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { db } from '@/lib/db/client';

export const TOTP_ISSUER = 'Kaiji';
/** One step either side of now, for clocks that drift a little. */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export async function totpProvisioning(secret: string, account: string): Promise<{ uri: string; qrDataUrl: string }> {
  const uri = generateURI({ issuer: TOTP_ISSUER, label: account, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
  return { uri, qrDataUrl };
}

/** The code's time step when `code` is valid for `secret` now (±1 step), else null. */
export async function totpStep(secret: string, code: string): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({ secret, token: code, epochTolerance: TOLERANCE_SECONDS });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/**
 * Records `step` as the newest accepted for the user; false when it (or a later one) was accepted before.
 * Kept in the shared RateLimit table (key `totp-step:<user>`, count = step) so every app process agrees.
 */
export async function claimTotpStep(userId: string, step: number): Promise<boolean> {
  const key = `totp-step:${userId}`;
  const rows = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" (key, count, "windowStart") VALUES (${key}, ${step}, now())
    ON CONFLICT (key) DO UPDATE SET count = EXCLUDED.count, "windowStart" = now()
    WHERE "RateLimit".count < EXCLUDED.count
    RETURNING count`;
  return rows.length > 0;
}
