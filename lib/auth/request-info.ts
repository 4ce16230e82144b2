// Where a request came from, for throttling and the audit trail.
import 'server-only';

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function read(h: HeaderSource, name: string): string | undefined {
  if (!h) return undefined;
  if (h instanceof Headers) return h.get(name) ?? undefined;
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * The client address. Next.js appends the socket address to X-Forwarded-For, so its last entry is the
 * peer that connected to this process; behind a trusted reverse proxy (TRUST_PROXY=1) that peer is the
 * proxy and the first entry is the client the proxy saw.
 */
export function clientIp(h: HeaderSource): string | null {
  const xff = read(h, 'x-forwarded-for');
  if (!xff) return read(h, 'x-real-ip') ?? null;
  const parts = xff.split(',').map((s) => s.trim()).filter(Boolean);
  const trust = process.env.TRUST_PROXY === '1' || process.env.TRUST_PROXY === 'true';
  return (trust ? parts[0] : parts[parts.length - 1]) ?? null;
}

export function userAgent(h: HeaderSource): string | null {
  return read(h, 'user-agent')?.slice(0, 300) ?? null;
}
