// Page cursors of /api/v1: the last row's id, sealed with an HMAC (key derived from AUTH_SECRET) over
// the query that produced it and the caller's scope. A cursor made up, altered, or taken from another
// query or token fails the check and is refused (400): it can neither act as "end of list" nor, as a
// bare id could, tell a caller whether a disclosure outside their scope exists.
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

const UUID_HEX = /^[0-9a-f]{32}$/;

function key(): Buffer {
  return createHmac('sha256', env().AUTH_SECRET).update('kaiji/api/cursor/v1').digest();
}

function mac(position: string, binding: string): Buffer {
  return createHmac('sha256', key()).update(`${binding}\n${position}`).digest();
}

/** `binding`: a canonical text of the query (without cursor and limit) and the caller's scope. */
export function sealCursor(position: string, binding: string): string {
  const bytes = Buffer.from(position.replace(/-/g, ''), 'hex');
  return `${bytes.toString('base64url')}.${mac(position, binding).toString('base64url')}`;
}

/** The position sealed in `cursor`, or null when it was not made by sealCursor for this binding. */
export function openCursor(cursor: string, binding: string): string | null {
  const [head, tag] = cursor.split('.');
  if (!head || !tag) return null;
  const hex = Buffer.from(head, 'base64url').toString('hex');
  if (!UUID_HEX.test(hex)) return null;
  const position = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const expected = mac(position, binding);
  const given = Buffer.from(tag, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? position : null;
}
