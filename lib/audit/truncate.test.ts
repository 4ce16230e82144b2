// A truncated partition cannot be put back, so this file (its own database) ends with it.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { verifyAndCheckpoint } from './checkpoint';
import { recordAuditNow } from './record';
import { verifyAuditChain } from './verify';

describe('a truncated partition', () => {
  it('is found by the incremental job and by the full verifier', async () => {
    for (let i = 0; i < 3; i++) await recordAuditNow({ action: 'test.truncate', details: { i } });
    expect((await verifyAndCheckpoint()).ok).toBe(true);
    const month = new Date().toISOString().slice(0, 7);
    const name = `AuditEvent_y${month.replace('-', 'm')}`;
    // The partition's own trigger refuses it too; a superuser disables it first.
    await expect(db.$executeRawUnsafe(`TRUNCATE "${name}"`)).rejects.toThrow(/append-only/);
    await db.$transaction([
      db.$executeRawUnsafe(`ALTER TABLE "${name}" DISABLE TRIGGER "${name}_no_truncate"`),
      db.$executeRawUnsafe(`TRUNCATE "${name}"`),
    ]);
    expect(await verifyAndCheckpoint()).toMatchObject({ ok: false, brokenAt: { month, reason: 'partition-missing' } });
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: { reason: 'seal-mismatch' } });
  });
});
