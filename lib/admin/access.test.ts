// The action half of the access matrix: every administration action refuses every other role with the
// same 404 as a missing record (and an access.denied event), and an institution's administrator gets
// that same answer for another institution's records.
import { describe, expect, it } from 'vitest';
import * as cycleActions from '@/lib/admin/cycle-actions';
import * as institutionActions from '@/lib/admin/institution-actions';
import * as peopleActions from '@/lib/admin/people-actions';
import * as rosterActions from '@/lib/admin/roster-actions';
import * as securityActions from '@/lib/admin/security-actions';
import { type ActionDefinition, runAction } from '@/lib/actions/action';
import { db } from '@/lib/db/client';
import { createCycle } from '@/lib/seed/factories';
import { adminWorld, makeActor } from '@/test/helpers/actors';
import type { z } from 'zod';

type Def = ActionDefinition<z.ZodType, unknown>;
const ALL = { ...institutionActions, ...peopleActions, ...rosterActions, ...cycleActions, ...securityActions } as Record<string, { definition: Def }>;

const ID = '00000000-0000-4000-8000-000000000000';
const cycleInput = (institutionId: string, code = 'FY2031') => ({
  institutionId,
  code,
  fiscalYear: 2031,
  titleJa: '2031年度',
  titleEn: 'FY2031',
  opensAt: '2031-04-01T09:00',
  filingDeadline: '2031-06-30T17:00',
  reviewDeadline: '2031-09-30T17:00',
  attestationJa: '誓約します。',
  attestationEn: 'I certify.',
  rates: [{ currency: 'USD', jpyPerUnit: '150.25' }],
  reminderDays: '14, 7, 1',
});

/** A well-formed input for each action, so the refusal cannot be a parse error. */
function sampleInput(name: string, inst: string): unknown {
  const samples: Record<string, unknown> = {
    createInstitutionAction: { slug: 'x-univ', nameJa: 'X大学', nameEn: 'X University', country: 'JP' },
    renameInstitutionAction: { id: inst, nameJa: 'X', nameEn: 'X' },
    retireInstitutionAction: { id: inst, retired: true },
    createDepartmentAction: { institutionId: inst, code: 'NEW', nameJa: '新', nameEn: 'New' },
    renameDepartmentAction: { id: ID, nameJa: 'X', nameEn: 'X' },
    retireDepartmentAction: { id: ID, retired: true },
    inviteUserAction: { email: 'new@kaiji.test', displayName: 'New', institutionId: inst, role: 'OFFICER', locale: 'en' },
    resendInvitationAction: { userId: ID },
    grantRoleAction: { userId: ID, role: 'OFFICER', institutionId: inst, allInstitutions: false },
    revokeRoleAction: { membershipId: ID },
    setUserDisabledAction: { userId: ID, disabled: true },
    sendPasswordResetAction: { userId: ID },
    resetSecondFactorAction: { userId: ID },
    previewRosterAction: { institutionId: inst, csv: 'email\n', fileName: 'r.csv', sendInvites: false },
    applyRosterAction: { institutionId: inst, csv: 'email\n', fileName: 'r.csv', sendInvites: false },
    createCycleAction: cycleInput(inst),
    updateCycleAction: { ...cycleInput(inst), id: ID },
    setCycleStatusAction: { id: ID, to: 'OPEN' },
    setMfaPolicyAction: { requiredRoles: ['ADMIN'] },
  };
  if (!(name in samples)) throw new Error(`no sample input for ${name}: add one`);
  return samples[name];
}

describe('administration actions: access', () => {
  it('every action is for administrators only and refuses every other role with 404 (audited)', async () => {
    const w = await adminWorld();
    const names = Object.keys(ALL);
    expect(names.length).toBeGreaterThanOrEqual(19);
    for (const name of names) {
      const def = ALL[name]!.definition;
      expect(def.roles, name).toEqual(['ADMIN']);
      for (const actor of [w.researcher, w.officer, w.auditor]) {
        const before = await db.auditEvent.count({ where: { action: 'access.denied', actorId: actor.userId } });
        const res = await runAction(def, actor, sampleInput(name, w.a.id));
        expect(res, `${name} as ${actor.email}`).toEqual({ ok: false, error: 'errors.notFound' });
        expect(await db.auditEvent.count({ where: { action: 'access.denied', actorId: actor.userId } }), name).toBe(before + 1);
      }
    }
  });

  it("an institution's administrator gets 404 for another institution's records, like a missing one", async () => {
    const w = await adminWorld();
    const cycleB = await db.$transaction((tx) => createCycle(tx, { institutionId: w.b.id, status: 'DRAFT' }));
    const deptB = await db.department.findFirstOrThrow({ where: { institutionId: w.b.id } });
    const personB = await makeActor({ roles: [{ role: 'OFFICER', institutionId: w.b.id }] });
    const mB = await db.membership.findFirstOrThrow({ where: { userId: personB.userId } });
    const attempts: [keyof typeof ALL, unknown][] = [
      ['renameInstitutionAction', { id: w.b.id, nameJa: '乗っ取り', nameEn: 'Taken' }],
      ['createDepartmentAction', { institutionId: w.b.id, code: 'X', nameJa: 'X', nameEn: 'X' }],
      ['renameDepartmentAction', { id: deptB.id, nameJa: 'X', nameEn: 'X' }],
      ['retireDepartmentAction', { id: deptB.id, retired: true }],
      ['inviteUserAction', { email: 'spy@kaiji.test', displayName: 'Spy', institutionId: w.b.id, role: 'ADMIN', locale: 'ja' }],
      ['grantRoleAction', { userId: personB.userId, role: 'ADMIN', institutionId: w.a.id, allInstitutions: false }],
      ['grantRoleAction', { userId: w.adminA.userId, role: 'ADMIN', institutionId: w.b.id, allInstitutions: false }],
      ['grantRoleAction', { userId: w.adminA.userId, role: 'ADMIN', institutionId: '', allInstitutions: true }],
      ['revokeRoleAction', { membershipId: mB.id }],
      ['setUserDisabledAction', { userId: personB.userId, disabled: true }],
      ['sendPasswordResetAction', { userId: personB.userId }],
      ['resetSecondFactorAction', { userId: personB.userId }],
      ['resendInvitationAction', { userId: personB.userId }],
      ['previewRosterAction', { institutionId: w.b.id, csv: 'email\n', fileName: 'r.csv', sendInvites: false }],
      ['createCycleAction', cycleInput(w.b.id)],
      ['updateCycleAction', { ...cycleInput(w.b.id, 'FY2026'), id: cycleB.id }],
      ['setCycleStatusAction', { id: cycleB.id, to: 'OPEN' }],
      // System-wide: not for an institution's administrator at all.
      ['createInstitutionAction', { slug: 'mine', nameJa: '私の大学', nameEn: 'Mine', country: 'JP' }],
      ['retireInstitutionAction', { id: w.a.id, retired: true }],
      ['setMfaPolicyAction', { requiredRoles: [] }],
    ];
    for (const [name, input] of attempts) {
      const before = await db.auditEvent.count({ where: { action: 'access.denied', actorId: w.adminA.userId } });
      const res = await runAction(ALL[name]!.definition, w.adminA, input);
      expect(res, `${String(name)} ${JSON.stringify(input)}`).toEqual({ ok: false, error: 'errors.notFound' });
      expect(await db.auditEvent.count({ where: { action: 'access.denied', actorId: w.adminA.userId } })).toBe(before + 1);
    }
    // Nothing changed at the other institution.
    expect((await db.institution.findUniqueOrThrow({ where: { id: w.b.id } })).nameJa).not.toBe('乗っ取り');
    expect(await db.user.count({ where: { email: 'spy@kaiji.test' } })).toBe(0);
    expect((await db.disclosureCycle.findUniqueOrThrow({ where: { id: cycleB.id } })).status).toBe('DRAFT');
    expect((await db.user.findUniqueOrThrow({ where: { id: personB.userId } })).disabledAt).toBeNull();
  });

  it("an institution's administrator manages their own institution", async () => {
    const w = await adminWorld();
    const rename = await runAction(ALL.renameInstitutionAction!.definition, w.adminA, { id: w.a.id, nameJa: '新しい名前大学', nameEn: 'New Name University' });
    expect(rename).toEqual({ ok: true, data: { changed: true } });
    const dept = await runAction(ALL.createDepartmentAction!.definition, w.adminA, { institutionId: w.a.id, code: 'med', nameJa: '医学系研究科', nameEn: 'Medicine' });
    expect(dept.ok).toBe(true);
    const again = await runAction(ALL.createDepartmentAction!.definition, w.adminA, { institutionId: w.a.id, code: 'MED', nameJa: '医学', nameEn: 'Med' });
    expect(again).toMatchObject({ ok: false, error: 'errors.invalidInput', fieldErrors: { code: ['admin.errors.departmentCodeTaken'] } });
    const events = await db.auditEvent.findMany({ where: { actorId: w.adminA.userId, action: { startsWith: 'admin.' } }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, e.institutionId])).toEqual([
      ['admin.institution.rename', w.a.id],
      ['admin.department.create', w.a.id],
    ]);
  });

  it('institutions and departments are retired and reinstated, never deleted', async () => {
    const w = await adminWorld();
    const create = await runAction(ALL.createInstitutionAction!.definition, w.system, { slug: 'retire-me', nameJa: '退役大学', nameEn: 'Retire U', country: 'JP' });
    expect(create.ok).toBe(true);
    const dup = await runAction(ALL.createInstitutionAction!.definition, w.system, { slug: 'retire-me', nameJa: 'X', nameEn: 'X', country: 'JP' });
    expect(dup).toMatchObject({ ok: false, fieldErrors: { slug: ['admin.errors.slugTaken'] } });
    const id = (await db.institution.findUniqueOrThrow({ where: { slug: 'retire-me' } })).id;
    expect(await runAction(ALL.retireInstitutionAction!.definition, w.system, { id, retired: true })).toEqual({ ok: true, data: { changed: true } });
    expect((await db.institution.findUniqueOrThrow({ where: { id } })).retiredAt).not.toBeNull();
    expect(await runAction(ALL.retireInstitutionAction!.definition, w.system, { id, retired: false })).toEqual({ ok: true, data: { changed: true } });
    const dept = await db.department.findFirstOrThrow({ where: { institutionId: w.a.id, code: 'SCI' } });
    expect((await runAction(ALL.retireDepartmentAction!.definition, w.adminA, { id: dept.id, retired: true })).ok).toBe(true);
    expect(await db.department.count({ where: { id: dept.id, retiredAt: { not: null } } })).toBe(1);
    const actions = (await db.auditEvent.findMany({ where: { entityId: { in: [id, dept.id] } }, orderBy: { id: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['admin.institution.create', 'admin.institution.retire', 'admin.institution.reinstate', 'admin.department.retire']);
  });
});
