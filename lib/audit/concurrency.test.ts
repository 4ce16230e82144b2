import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { recordAudit, recordAuditNow } from './record';
import { sealPending } from './seal';
import { verifyAuditChain } from './verify';

const instA = randomUUID();
const instB = randomUUID();

/** Resolves with 'timeout' if `p` has not settled within `ms`. */
const within = <T>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms))]);

describe('audited writes take no shared lock', () => {
  it('one institution’s open transaction never blocks another’s audited commit, and the seal waits for it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let written!: () => void;
    const wroteA = new Promise<void>((r) => (written = r));
    // Institution A: writes its event and keeps its transaction open.
    const txA = db.$transaction(
      async (tx) => {
        await recordAudit(tx, { action: 'test.open', institutionId: instA });
        written();
        await gate;
      },
      { timeout: 30_000 },
    );
    await wroteA;
    try {
      // Institution B (and A again, from another transaction) commit while A is open.
      expect(await within(recordAuditNow({ action: 'test.committed', institutionId: instB }), 5000)).toBeUndefined();
      expect(await within(recordAuditNow({ action: 'test.committed', institutionId: instA }), 5000)).toBeUndefined();
      const waiting = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`;
      expect(waiting[0]!.n).toBe(0);

      // A began first, so its xid is the oldest running: nothing at or after it may be sealed yet.
      expect(await sealPending()).toBe(0);
      expect(await db.auditEvent.count({ where: { action: 'test.committed' } })).toBe(2);
    } finally {
      release();
      await txA;
    }
    // Once A commits, all three are sealed, A's event first (seal order is (xid, id), not id alone).
    expect(await sealPending()).toBe(3);
    const events = await db.$queryRaw<{ action: string }[]>`SELECT action FROM "AuditEvent" ORDER BY xid, id`;
    expect(events.map((e) => e.action)).toEqual(['test.open', 'test.committed', 'test.committed']);
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 3 });
  });

  it('many writers across institutions at once: every event sealed exactly once, the chain verifies', async () => {
    const before = await db.auditEvent.count();
    await Promise.all(
      Array.from({ length: 8 }, (_, w) =>
        (async () => {
          for (let i = 0; i < 20; i++) await recordAuditNow({ action: 'test.load', institutionId: w % 2 ? instA : instB, details: { w, i } });
        })(),
      ).concat([
        (async () => {
          for (let i = 0; i < 20; i++) await sealPending();
        })(),
      ]),
    );
    const report = await verifyAuditChain();
    expect(report.ok).toBe(true);
    const sealed = await db.auditSeal.aggregate({ _sum: { count: true } });
    expect(sealed._sum.count).toBe(before + 160);
  });
});
