import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { recordAuditNow } from './record';
import { startSealer } from './sealer';
import { verifyAuditChain } from './verify';

const sealedCount = async () => Number((await db.$queryRaw<{ n: bigint }[]>`SELECT COALESCE(SUM("count"), 0)::bigint AS n FROM "AuditSeal"`)[0]!.n);

describe('the sealer loop', () => {
  it('seals what is written while it runs, and stops at once between rounds', async () => {
    const before = await sealedCount();
    const sealer = startSealer({ everyMs: 100 });
    try {
      for (let i = 0; i < 3; i++) await recordAuditNow({ action: 'test.sealer', details: { i } });
      const deadline = Date.now() + 10_000;
      while ((await sealedCount()) < before + 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await sealedCount()).toBeGreaterThanOrEqual(before + 3);
    } finally {
      const t = Date.now();
      await sealer.stop();
      // A stop never waits out the pause between rounds.
      expect(Date.now() - t).toBeLessThan(5_000);
    }
    // Nothing seals after stop: a new event stays unsealed.
    const after = await sealedCount();
    await recordAuditNow({ action: 'test.sealer.after' });
    await new Promise((r) => setTimeout(r, 300));
    expect(await sealedCount()).toBe(after);
    expect((await verifyAuditChain()).ok).toBe(true);
  });

  it('reports a failed round and goes on', async () => {
    const errors: unknown[] = [];
    const sealer = startSealer({ everyMs: 50, onError: (e) => errors.push(e) });
    await db.$executeRawUnsafe(`ALTER TABLE "AuditSeal" RENAME TO "AuditSealAway"`);
    try {
      const deadline = Date.now() + 10_000;
      while (errors.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(errors.length).toBeGreaterThanOrEqual(2);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "AuditSealAway" RENAME TO "AuditSeal"`);
      await sealer.stop();
    }
  });
});
