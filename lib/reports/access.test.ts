// The action half of the reports' access matrix: the export action only for auditors, the token actions
// only for system administrators; everyone else gets the same 404 as something missing, an
// access.denied event, and nothing queued or issued.
import type { z } from 'zod';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tokenActions from '@/lib/api/actions';
import * as reportActions from '@/lib/reports/actions';
import { REPORT_ACTIONS } from '@/e2e/access-matrix';
import { type ActionDefinition, runAction } from '@/lib/actions/action';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { makeActor } from '@/test/helpers/actors';
import { reportWorld, worldActors } from '@/test/helpers/report-world';

type Def = ActionDefinition<z.ZodType, unknown>;
const ACTIONS = { ...reportActions, ...tokenActions } as unknown as Record<string, { definition: Def }>;

let w: Awaited<ReturnType<typeof reportWorld>>;
let actors: Awaited<ReturnType<typeof worldActors>>;
let adminOfA: Actor;
let tokenId: string;

beforeAll(async () => {
  w = await reportWorld();
  actors = await worldActors(w);
  adminOfA = await makeActor({ roles: [{ role: 'ADMIN', institutionId: w.a.id }] });
  const res = await runAction(ACTIONS.issueApiTokenAction!.definition, actors.admin, {
    name: 'fixture',
    ownerEmail: actors.national.email,
    role: 'AUDITOR',
    allInstitutions: true,
    institutionIds: [],
    expiresInDays: null,
  });
  if (!res.ok) throw new Error(JSON.stringify(res));
  tokenId = (res.data as { id: string }).id;
});

function inputFor(name: string): unknown {
  const inputs: Record<string, unknown> = {
    requestExportAction: { kind: 'summary', format: 'pdf', query: 'fy=2026', locale: 'en' },
    issueApiTokenAction: { name: 'x', ownerEmail: actors.national.email, role: 'AUDITOR', allInstitutions: true, institutionIds: [], expiresInDays: 1 },
    revokeApiTokenAction: { id: tokenId },
  };
  if (!(name in inputs)) throw new Error(`no sample input for ${name}: add one`);
  return inputs[name];
}

const allowed: Record<string, (who: string) => boolean> = {
  AUDITOR: (who) => who === 'auditor',
  'ADMIN (system)': (who) => who === 'system admin',
};

describe('reports and API token actions', () => {
  it('are all listed in the access matrix', () => {
    expect(Object.values(ACTIONS).map((a) => a.definition.name).sort()).toEqual(REPORT_ACTIONS.map((a) => a.name).sort());
  });

  it('refuse everyone else with 404 and an audit event, changing nothing', async () => {
    const people: [string, Actor][] = [
      ['researcher', actors.researcher],
      ['officer', actors.officerA],
      ['auditor', actors.auditorA],
      ['institution admin', adminOfA],
      ['system admin', actors.admin],
    ];
    for (const spec of REPORT_ACTIONS) {
      const [key, action] = Object.entries(ACTIONS).find(([, a]) => a.definition.name === spec.name)!;
      for (const [who, actor] of people) {
        if (allowed[spec.allow]!(who)) continue;
        const before = {
          denied: await db.auditEvent.count({ where: { action: 'access.denied', actorId: actor.userId } }),
          tasks: await db.backgroundTask.count(),
          tokens: await db.apiToken.count({ where: { revokedAt: null } }),
        };
        const res = await runAction(action.definition, actor, inputFor(key), { ip: '10.9.9.9', userAgent: 'vitest' });
        expect(res, `${who} → ${spec.name}`).toEqual({ ok: false, error: 'errors.notFound' });
        expect(await db.auditEvent.count({ where: { action: 'access.denied', actorId: actor.userId } })).toBe(before.denied + 1);
        expect(await db.backgroundTask.count()).toBe(before.tasks);
        expect(await db.apiToken.count({ where: { revokedAt: null } })).toBe(before.tokens);
      }
    }
  });

  it('let an auditor start exports: small ones as a link, the PDF as a background task', async () => {
    const direct = await runAction(ACTIONS.requestExportAction!.definition, actors.auditorA, { kind: 'records', format: 'csv', query: 'fy=2026&talent=any', locale: 'ja' });
    expect(direct).toEqual({ ok: true, data: { mode: 'direct', href: '/api/exports/records?fy=2026&talent=any&format=csv&lang=ja' } });
    const pdf = await runAction(ACTIONS.requestExportAction!.definition, actors.auditorA, { kind: 'report', report: 'overview', format: 'pdf', query: 'fy=2026', locale: 'en' });
    expect(pdf).toMatchObject({ ok: true, data: { mode: 'task' } });
    const taskId = (pdf as { data: { taskId: string } }).data.taskId;
    expect(await db.backgroundTask.findUnique({ where: { id: taskId } })).toMatchObject({ kind: 'reports.export', requestedById: actors.auditorA.userId, status: 'QUEUED' });
  });
});
