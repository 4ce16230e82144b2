// Where a request came from, for throttling and the audit trail.
import 'server-only';
import { rawEnv } from '@/lib/env';
import { isIP } from 'node:net';
import { PEER_HEADER } from '@/lib/security/peer-address';

/** Request headers as a route handler (Headers) or next-auth's authorize (a plain object) gives them. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

/** One header's value from either shape; repeated headers joined as HTTP joins them. */
export function headerValue(h: HeaderSource, name: string): string | undefined {
  if (!h) return undefined;
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/**
 * TRUST_PROXY: how many reverse proxies of our own stand in front of the app. Unset, empty, `0` or
 * `false`: none. `true` is read as 1 (the meaning it had before hop counts).
 */
export function trustedHops(value: string | undefined = rawEnv('TRUST_PROXY')): number {
  if (!value || value === 'false') return 0;
  if (value === 'true') return 1;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

/** An IP address as text (IPv4, IPv6, IPv4-mapped IPv6 shown as IPv4), or null for anything else. */
export function validIp(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.trim().replace(/^\[(.*)\]$/, '$1');
  if (!isIP(v)) return null;
  return v.startsWith('::ffff:') && isIP(v.slice(7)) === 4 ? v.slice(7) : v;
}

/**
 * The client address. Without TRUST_PROXY only the socket peer counts (stamped by
 * lib/security/peer-address.ts; X-Forwarded-For is the client's to write and is ignored). With
 * TRUST_PROXY=n the peer is the nearest of our n proxies, each of which appended the address it saw
 * to X-Forwarded-For: the client is the entry n hops from the right of [..X-Forwarded-For, peer].
 * Anything that is not an IP address there is ignored (the peer is used).
 */
export function clientIp(h: HeaderSource, hops: number = trustedHops()): string | null {
  const peer = validIp(headerValue(h, PEER_HEADER));
  if (!peer || hops === 0) return peer;
  const chain = (headerValue(h, 'x-forwarded-for') ?? '').split(',').map((s) => s.trim());
  const hop = chain[chain.length - hops];
  return validIp(hop) ?? peer;
}

export function userAgent(h: HeaderSource): string | null {
  return headerValue(h, 'user-agent')?.slice(0, 300) ?? null;
}
