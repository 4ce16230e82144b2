// auditBy / auditDisclosure must store exactly the row a hand-written recordAudit stored before (the
// hash chain covers every field): both ways, at the same instant, give the same columns and hash.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { makeActor, makeInstitution } from '@/test/helpers/actors';
import { auditBy, auditDisclosure } from './by';
import { recordAudit } from './record';

const origin = { ip: '192.0.2.30', userAgent: 'audit-by-test' };

async function rows(action: string) {
  const found = await db.auditEvent.findMany({ where: { action }, orderBy: { id: 'asc' } });
  return found.map(({ id: _id, xid: _xid, ...row }) => row);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('auditBy and auditDisclosure', () => {
  it('write the same row, hash included, as the hand-spread recordAudit', async () => {
    const inst = await makeInstitution();
    const actor = await makeActor({ roles: [{ role: 'OFFICER', institutionId: inst.id }] });
    const disclosure = { id: '7b0c6a52-3f0e-4a41-9a55-4f1f1d9d2b10', institutionId: inst.id };
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-01T03:04:05.678Z'));

    await db.$transaction(async (tx) => {
      const details = { from: 'SUBMITTED', to: 'UNDER_REVIEW', nested: { a: [1, 'ü'] } };
      await recordAudit(tx, { action: 'test.by.disclosure', actorId: actor.userId, actorEmail: actor.email, entityType: 'Disclosure', entityId: disclosure.id, institutionId: disclosure.institutionId, ...origin, details });
      await auditDisclosure(tx, actor, origin, disclosure, 'test.by.disclosure', details);
      await recordAudit(tx, { action: 'test.by.any', outcome: 'DENIED', actorId: actor.userId, actorEmail: actor.email, entityType: 'ApiToken', entityId: 'tok', ...origin, details: { reason: 'x' } });
      await auditBy(tx, actor, origin, { action: 'test.by.any', outcome: 'DENIED', entityType: 'ApiToken', entityId: 'tok', details: { reason: 'x' } });
    });

    for (const action of ['test.by.disclosure', 'test.by.any']) {
      const [before, after] = await rows(action);
      expect(before).toBeDefined();
      expect(after).toEqual(before);
      expect(after!.hash).toBe(before!.hash);
    }
    const [disclosed] = await rows('test.by.disclosure');
    expect(disclosed).toMatchObject({ actorId: actor.userId, actorEmail: actor.email, ip: '192.0.2.30', userAgent: 'audit-by-test', entityType: 'Disclosure', entityId: disclosure.id, institutionId: inst.id });
  });
});
