import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { createCycle, createInstitution, createUser } from '@/lib/seed/factories';
import type { Actor } from './roles';
import { disclosureScope, readableDisclosures } from './scopes';

function actorOf(user: { id: string; email: string }, memberships: Actor['memberships']): Actor {
  return { userId: user.id, sessionId: 's', email: user.email, displayName: user.email, locale: null, mfaVerified: true, memberships };
}

describe('disclosure scopes', () => {
  it('give each role exactly its own records', async () => {
    const { a, b, rA, rB, dA, dB } = await db.$transaction(async (tx) => {
      const a = await createInstitution(tx);
      const b = await createInstitution(tx);
      const rA = await createUser(tx, { roles: [{ role: 'RESEARCHER', institutionId: a.id }] });
      const rB = await createUser(tx, { roles: [{ role: 'RESEARCHER', institutionId: b.id }] });
      const cA = await createCycle(tx, { institutionId: a.id });
      const cB = await createCycle(tx, { institutionId: b.id });
      const dA = await tx.disclosure.create({ data: { cycleId: cA.id, researcherId: rA.id, institutionId: a.id, researcherName: 'A', status: 'SUBMITTED' } });
      const dB = await tx.disclosure.create({ data: { cycleId: cB.id, researcherId: rB.id, institutionId: b.id, researcherName: 'B', status: 'SUBMITTED' } });
      // A draft: its researcher's alone until submitted.
      const rD = await createUser(tx, { roles: [{ role: 'RESEARCHER', institutionId: a.id }] });
      await tx.disclosure.create({ data: { cycleId: cA.id, researcherId: rD.id, institutionId: a.id, researcherName: 'D' } });
      return { a, b, rA, rB, dA, dB };
    });
    const ids = async (where: object) => (await db.disclosure.findMany({ where, select: { id: true } })).map((d) => d.id).sort();
    const researcherA = actorOf(rA, [{ role: 'RESEARCHER', institutionId: a.id, allInstitutions: false }]);
    const officerA = actorOf(rB, [{ role: 'OFFICER', institutionId: a.id, allInstitutions: false }]);
    const auditorB = actorOf(rA, [{ role: 'AUDITOR', institutionId: b.id, allInstitutions: false }]);
    const auditorAll = actorOf(rA, [{ role: 'AUDITOR', institutionId: null, allInstitutions: true }]);
    const admin = actorOf(rA, [{ role: 'ADMIN', institutionId: null, allInstitutions: true }]);

    expect(await ids(disclosureScope(researcherA, 'file'))).toEqual([dA.id]);
    expect(await ids(disclosureScope(researcherA, 'review'))).toEqual([]);
    expect(await ids(disclosureScope(officerA, 'review'))).toEqual([dA.id]);
    expect(await ids(disclosureScope(officerA, 'file'))).toEqual([]);
    expect(await ids(disclosureScope(auditorB, 'audit'))).toEqual([dB.id]);
    expect(await ids(disclosureScope(auditorAll, 'audit'))).toEqual([dA.id, dB.id].sort());
    expect(await ids(readableDisclosures(admin))).toEqual([]);
    // Nationwide reach inside the OR of readableDisclosures (Prisma reads `OR: [{}]` as false).
    expect(await ids(readableDisclosures(auditorAll))).toEqual([dA.id, dB.id].sort());
    expect(await ids(readableDisclosures(researcherA))).toEqual([dA.id]);
  });
});
