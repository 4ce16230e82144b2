// Retiring a month removes a partition for good, so this file (its own database) is about nothing else.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { verifyAndCheckpoint } from './checkpoint';
import { GENESIS_HASH, eventHash } from './hash';
import { recordAuditNow } from './record';
import { retireAuditMonth } from './retention';
import { verifyAuditChain } from './verify';

/** An event dated in the past, as the old months of a long-running trail hold them. */
async function pastEvent(at: string, i: number) {
  const fields = { occurredAt: new Date(at), actorId: null, actorEmail: 'old@kaiji.test', action: 'test.old', entityType: null, entityId: null, institutionId: null, outcome: 'SUCCESS', ip: null, userAgent: null, details: { i } };
  await db.$executeRaw`INSERT INTO "AuditEvent" ("occurredAt", "actorEmail", action, outcome, details, hash)
    VALUES (${fields.occurredAt}, ${fields.actorEmail}, ${fields.action}, 'SUCCESS', ${JSON.stringify(fields.details)}::jsonb, ${eventHash(GENESIS_HASH, fields)})`;
}

describe('retention', () => {
  it('retires a month past the retention period; what remains still verifies, fully and incrementally', async () => {
    await db.$executeRaw`SELECT kaiji_audit_partition('2010-03-01'), kaiji_audit_partition('2010-04-01')`;
    await pastEvent('2010-03-10T00:00:00Z', 1);
    await recordAuditNow({ action: 'test.new', details: { i: 2 } });
    await pastEvent('2010-04-10T00:00:00Z', 3);
    await pastEvent('2010-03-11T00:00:00Z', 4);
    expect(await verifyAndCheckpoint()).toMatchObject({ ok: true, checked: 4 });

    await expect(retireAuditMonth(new Date().toISOString().slice(0, 7), 'admin@kaiji.test')).rejects.toThrow(/within the 10-year retention period/);
    expect(await retireAuditMonth('2010-03', 'admin@kaiji.test')).toEqual({ partition: 'AuditEvent_y2010m03', events: 2 });
    await db.$executeRawUnsafe(`DROP TABLE "AuditEvent_y2010m03"`);

    // The seals that held March 2010 still link and still check every other month's events.
    expect(await verifyAuditChain()).toMatchObject({ ok: true, checked: 2 });
    await recordAuditNow({ action: 'test.after' });
    expect(await verifyAndCheckpoint()).toMatchObject({ ok: true, checked: 1 });

    // A month that goes without being retired is tampering.
    await db.$executeRawUnsafe(`ALTER TABLE "AuditEvent" DETACH PARTITION "AuditEvent_y2010m04"`);
    expect(await verifyAndCheckpoint()).toMatchObject({ ok: false, brokenAt: { month: '2010-04', reason: 'partition-missing' } });
    expect(await verifyAuditChain()).toMatchObject({ ok: false, brokenAt: { reason: 'seal-mismatch' } });
  });
});
