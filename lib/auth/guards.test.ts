// The shared guards on a real database: one decision of "system administrator", one shape of the
// audited denial, and loadOr404's "missing" being the same NotFoundError every wrapper maps to 404.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { adminWorld } from '@/test/helpers/actors';
import { assertSystemAdmin, isSystemAdmin, loadOr404, recordDenied } from './guards';

describe('lib/auth guards', () => {
  it('isSystemAdmin is the nationwide ADMIN grant only', async () => {
    const w = await adminWorld();
    expect(isSystemAdmin(w.system)).toBe(true);
    expect([w.adminA, w.auditor, w.officer, w.researcher].map(isSystemAdmin)).toEqual([false, false, false, false]);
    expect(() => assertSystemAdmin(w.adminA, 'Setting:mfa')).toThrow(NotFoundError);
    expect(() => assertSystemAdmin(w.system, 'Setting:mfa')).not.toThrow();
  });

  it('loadOr404 passes a record through and turns null or undefined into NotFoundError naming the resource', () => {
    const row = { id: 'x' };
    expect(loadOr404(row, 'Thing:x')).toBe(row);
    expect(loadOr404(0, 'zero is a value')).toBe(0);
    for (const missing of [null, undefined]) {
      try {
        loadOr404(missing, 'Thing:y');
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(NotFoundError);
        expect((err as NotFoundError).resource).toBe('Thing:y');
        expect((err as NotFoundError).key).toBe('errors.notFound');
      }
    }
  });

  it('recordDenied writes one access.denied event with the actor, origin, entity and details as given', async () => {
    const w = await adminWorld();
    const origin = { ip: '192.0.2.10', userAgent: 'guards-test' };
    await recordDenied(w.researcher, origin, { permission: 'role:ADMIN', resource: 'guards-test' }, { entityType: 'Institution', entityId: w.a.id, institutionId: w.a.id });
    await recordDenied(null, origin, { resource: 'guards-test-anonymous' });
    const events = await db.auditEvent.findMany({ where: { action: 'access.denied', userAgent: 'guards-test' }, orderBy: { id: 'asc' } });
    expect(events.map((e) => ({ outcome: e.outcome, actorId: e.actorId, actorEmail: e.actorEmail, ip: e.ip, entityType: e.entityType, entityId: e.entityId, institutionId: e.institutionId, details: e.details }))).toEqual([
      { outcome: 'DENIED', actorId: w.researcher.userId, actorEmail: w.researcher.email, ip: '192.0.2.10', entityType: 'Institution', entityId: w.a.id, institutionId: w.a.id, details: { permission: 'role:ADMIN', resource: 'guards-test' } },
      { outcome: 'DENIED', actorId: null, actorEmail: null, ip: '192.0.2.10', entityType: null, entityId: null, institutionId: null, details: { resource: 'guards-test-anonymous' } },
    ]);
  });
});
