// Item 10 (sessions): an idle timeout enforced in the server-side lookup, lastSeenAt written at most once
// a minute, and the session id kept away from page scripts (/api/auth/session).
import { encode } from 'next-auth/jwt';
import { afterEach, describe, expect, it } from 'vitest';
import { authOptions } from '@/lib/auth/options';
import { sessionIdFromToken } from '@/lib/auth/session-token';
import { idleLimitMs, loadActor } from '@/lib/auth/sessions';
import { db } from '@/lib/db/client';
import { makeActor } from '@/test/helpers/actors';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
const setLastSeen = (id: string, at: Date) => db.session.update({ where: { id }, data: { lastSeenAt: at } });
const lastSeen = async (id: string) => (await db.session.findUniqueOrThrow({ where: { id } })).lastSeenAt.getTime();

afterEach(() => {
  delete process.env.SESSION_IDLE_MINUTES;
});

describe('idle timeout', () => {
  it('defaults to 30 minutes, is configurable, 0 turns it off', () => {
    expect(idleLimitMs(undefined)).toBe(30 * 60_000);
    expect(idleLimitMs('5')).toBe(5 * 60_000);
    expect(idleLimitMs('0')).toBe(0);
  });

  it('ends a session unused for longer than the limit, for good', async () => {
    const a = await makeActor({ roles: [] });
    await setLastSeen(a.sessionId, minutesAgo(29));
    expect(await loadActor(a.sessionId)).not.toBeNull();
    await setLastSeen(a.sessionId, minutesAgo(31));
    expect(await loadActor(a.sessionId)).toBeNull();
    expect((await db.session.findUniqueOrThrow({ where: { id: a.sessionId } })).revokedAt).not.toBeNull();
    // Revoked, not merely idle: it does not come back when the clock says otherwise.
    await setLastSeen(a.sessionId, new Date());
    expect(await loadActor(a.sessionId)).toBeNull();
  });

  it('follows SESSION_IDLE_MINUTES', async () => {
    const a = await makeActor({ roles: [] });
    process.env.SESSION_IDLE_MINUTES = '5';
    await setLastSeen(a.sessionId, minutesAgo(6));
    expect(await loadActor(a.sessionId)).toBeNull();
    const b = await makeActor({ roles: [] });
    process.env.SESSION_IDLE_MINUTES = '0';
    await setLastSeen(b.sessionId, minutesAgo(600));
    expect(await loadActor(b.sessionId)).not.toBeNull();
  });

  it('writes lastSeenAt only when it is over a minute old, once for a burst', async () => {
    const a = await makeActor({ roles: [] });
    const recent = minutesAgo(0.5);
    await setLastSeen(a.sessionId, recent);
    await Promise.all(Array.from({ length: 20 }, () => loadActor(a.sessionId)));
    expect(await lastSeen(a.sessionId)).toBe(recent.getTime());
    await setLastSeen(a.sessionId, minutesAgo(2));
    await Promise.all(Array.from({ length: 20 }, () => loadActor(a.sessionId)));
    expect(Date.now() - (await lastSeen(a.sessionId))).toBeLessThan(30_000);
  });
});

describe('the session id stays on the server', () => {
  it('/api/auth/session carries no session id or token content', async () => {
    const options = authOptions();
    const shown = await options.callbacks!.session!({
      session: { expires: '2099-01-01T00:00:00.000Z', user: { email: 'x@kaiji.test' } },
      token: { sid: '00000000-0000-4000-8000-000000000001', sub: 'u' },
      user: undefined as never,
      newSession: undefined,
      trigger: 'update',
    });
    expect(JSON.stringify(shown)).not.toContain('00000000-0000-4000-8000-000000000001');
    expect(shown).toEqual({ expires: '2099-01-01T00:00:00.000Z' });
  });

  it('is read from the encrypted cookie on the server; a forged or foreign token gives nothing', async () => {
    const secret = process.env.AUTH_SECRET!;
    const token = await encode({ token: { sid: 'the-sid', sub: 'u' }, secret });
    expect(await sessionIdFromToken(token, secret)).toBe('the-sid');
    expect(await sessionIdFromToken(token, 'another-secret-0123456789-0123456789')).toBeNull();
    expect(await sessionIdFromToken(`${token.slice(0, -4)}AAAA`, secret)).toBeNull();
    expect(await sessionIdFromToken('garbage', secret)).toBeNull();
  });
});
