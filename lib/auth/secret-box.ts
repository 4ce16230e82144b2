// Small secrets kept at rest (TOTP seeds): AES-256-GCM with a key derived from AUTH_SECRET by HKDF, one
// key per purpose. A database dump alone does not reveal them. Rotating AUTH_SECRET makes sealed values
// unreadable, so enrolled people must enrol again after a rotation (sign-in itself is unaffected).
import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '@/lib/env';

const VERSION = 'v1';
const SALT = 'kaiji.secret-box.v1';

function keyFor(purpose: string, secret = env().AUTH_SECRET): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, SALT, `kaiji:${purpose}`, 32));
}

const b64 = (b: Buffer) => b.toString('base64url');

/** Encrypts `plain`; the result names the format version, so the scheme can change later. */
export function seal(plain: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [VERSION, b64(iv), b64(body), b64(cipher.getAuthTag())].join('.');
}

/** Decrypts a value made by seal() for the same purpose; throws if it was altered or sealed for another purpose. */
export function open(sealed: string, purpose: string): string {
  const [version, iv, body, tag] = sealed.split('.');
  if (version !== VERSION || !iv || !body || !tag) throw new Error('secret-box: unknown format');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(purpose), Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}
