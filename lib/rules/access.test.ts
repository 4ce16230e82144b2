// National configuration (watchlists, domestic grants, rules) is for system administrators only: every
// other role, and an institution's administrator, gets the same 404 as a missing record, audited.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as grantActions from '@/lib/grants/actions';
import * as ruleActions from '@/lib/rules/actions';
import * as watchlistActions from '@/lib/watchlists/actions';
import { type ActionDefinition, runAction } from '@/lib/actions/action';
import { db } from '@/lib/db/client';
import { adminWorld } from '@/test/helpers/actors';
import { seedRulesWorld } from '@/test/helpers/rules-world';
import { isSystemAdmin } from '@/lib/auth/guards';

type Def = ActionDefinition<z.ZodType, unknown>;
const ALL = { ...grantActions, ...ruleActions, ...watchlistActions } as unknown as Record<string, { definition: Def }>;
const ID = '00000000-0000-4000-8000-000000000000';

/** A well-formed input for each action, so that a refusal cannot be a parse error. */
function sampleInput(name: string, ids: { version: string; ruleset: string }): unknown {
  const samples: Record<string, unknown> = {
    importGrantsAction: { fileName: 'g.csv', csvText: 'erad_number,project_number,fiscal_year,role,amount_jpy\n12345678,X1,2025,PI,100\n' },
    importWatchlistAction: {
      target: 'new',
      code: 'access-test-list',
      kind: 'GROUP',
      nameJa: 'テスト',
      nameEn: 'Test',
      source: 'test',
      editionDate: '2026-01-01',
      isSample: true,
      fileName: 'l.csv',
      csvText: 'reference,name,country\nT-1,Example Institute,CN\n',
    },
    createRulesetAction: { code: 'access-test', nameJa: 'テスト', nameEn: 'Test' },
    createDraftAction: { rulesetId: ids.ruleset },
    saveRuleAction: {
      versionId: ids.version,
      code: 'x-rule',
      titleJa: 'x',
      titleEn: 'x',
      forEach: '',
      expression: 'true',
      severity: 'INFO',
      messageJa: 'x',
      messageEn: 'x',
      citationJa: 'x',
      citationEn: '',
      params: '',
    },
    deleteRuleAction: { ruleId: ID },
    discardDraftAction: { versionId: ID },
    activateVersionAction: { versionId: ID },
    dryRunAction: { versionId: ids.version, cycleCode: 'FY2026' },
    dryRunStatusAction: { taskId: ID },
  };
  if (!(name in samples)) throw new Error(`no sample input for ${name}: add one`);
  return samples[name];
}

describe('national configuration actions: access', () => {
  it('refuse researchers, officers, auditors and institution administrators with 404 (audited), and let a system administrator through', async () => {
    await seedRulesWorld('samples');
    const w = await adminWorld();
    const ruleset = await db.ruleset.findFirstOrThrow();
    const version = await db.rulesetVersion.findFirstOrThrow();
    const ids = { version: version.id, ruleset: ruleset.id };
    const names = Object.keys(ALL);
    expect(names.length).toBe(10);
    expect(isSystemAdmin(w.adminA)).toBe(false);
    for (const name of names) {
      const def = ALL[name]!.definition;
      expect(def.roles, name).toEqual(['ADMIN']);
      for (const actor of [w.researcher, w.officer, w.auditor, w.adminA]) {
        const before = await db.auditEvent.count({ where: { action: 'access.denied', actorId: actor.userId } });
        const res = await runAction(def, actor, sampleInput(name, ids));
        expect(res, `${name} as ${actor.email}`).toEqual({ ok: false, error: 'errors.notFound' });
        expect(await db.auditEvent.count({ where: { action: 'access.denied', actorId: actor.userId } }), name).toBe(before + 1);
      }
    }
    // Nothing was changed by the refused calls.
    expect(await db.watchlist.count({ where: { code: 'access-test-list' } })).toBe(0);
    expect(await db.domesticGrant.count({ where: { eradNumber: '12345678' } })).toBe(0);

    for (const name of ['importWatchlistAction', 'importGrantsAction', 'createRulesetAction']) {
      const res = await runAction(ALL[name]!.definition, w.system, sampleInput(name, ids));
      expect(res.ok, name).toBe(true);
    }
  });
});
