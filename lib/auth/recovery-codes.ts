// One-time recovery codes for when the authenticator is lost. Shown once; only SHA-256 hashes are kept
// (the codes are random, 10 characters from 31, so a fast hash is enough), each usable once.
import 'server-only';
import { createHash, randomInt } from 'node:crypto';
import type { Tx } from '@/lib/db/client';

export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/l/i: codes are read off paper.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function normalizeRecoveryCode(input: string): string {
  return input.normalize('NFKC').toLowerCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(userId: string, code: string): string {
  return createHash('sha256').update(`${userId}:${normalizeRecoveryCode(code)}`).digest('hex');
}

function newCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Replaces the user's recovery codes with a fresh set and returns them (the only time they are readable). */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newCode);
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(userId, c) })) });
  return codes;
}

/** Uses up a recovery code: true once for each valid code, false afterwards (safe under concurrency). */
export async function consumeRecoveryCode(tx: Tx, userId: string, input: string): Promise<boolean> {
  const res = await tx.recoveryCode.updateMany({
    where: { userId, codeHash: hashRecoveryCode(userId, input), usedAt: null },
    data: { usedAt: new Date() },
  });
  return res.count === 1;
}
