// Ruleset versions through the actions a system administrator uses: drafts copied from the active
// version, a malformed condition refused with its position, immutability once active, activation
// (audited) retiring the previous version at the effective moment, and a future-dated activation.
import { beforeAll, describe, expect, it } from 'vitest';
import { activateVersionAction, createDraftAction, createRulesetAction, deleteRuleAction, discardDraftAction, saveRuleAction } from '@/lib/rules/actions';
import { runAction } from '@/lib/actions/action';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import { auditEvents, makeActor } from '@/test/helpers/actors';
import { seedRulesWorld } from '@/test/helpers/rules-world';
import { rulesInForce } from './in-force';
import { STARTER_RULESET } from './starter';

let admin: Actor;
let rulesetId: string;

beforeAll(async () => {
  await seedRulesWorld('samples');
  admin = await makeActor({ roles: [{ role: 'ADMIN', allInstitutions: true }] });
  rulesetId = (await db.ruleset.findUniqueOrThrow({ where: { code: STARTER_RULESET.code } })).id;
});

const run = <I, T>(action: { definition: Parameters<typeof runAction>[0] } & ((i: I) => Promise<T>), input: unknown) =>
  runAction(action.definition, admin, input);

async function newDraft() {
  const res = await run(createDraftAction, { rulesetId });
  if (!res.ok) throw new Error(res.error);
  const data = res.data as { version: number };
  return db.rulesetVersion.findFirstOrThrow({ where: { rulesetId, version: data.version }, include: { rules: true } });
}

const ruleInput = (versionId: string, o: Record<string, unknown> = {}) => ({
  versionId,
  code: 'foreign-gift',
  titleJa: '外国からの贈与',
  titleEn: 'Foreign gift',
  forEach: 'gifts',
  expression: 'item.source.foreign && has(item.value) && item.value.jpy > params.limitJpy',
  severity: 'INFO',
  messageJa: '「{{item.source.name}}」からの贈与 {{item.value.jpy|yen}}',
  messageEn: 'Gift of {{item.value.jpy|yen}} from "{{item.source.name}}"',
  citationJa: '機関の方針',
  citationEn: 'Institution policy',
  params: '{"limitJpy": 100000}',
  ...o,
});

describe('drafts', () => {
  it('a draft copies the rules of the active version; asking again returns the same draft', async () => {
    const draft = await newDraft();
    expect(draft).toMatchObject({ status: 'DRAFT', version: 2 });
    expect(draft.rules.map((r) => r.code).sort()).toEqual([
      'foreign-appointment-without-contract',
      'foreign-support-amount',
      'listed-organisation',
      'talent-programme',
      'talent-programme-award',
      'talent-programme-with-domestic-grants',
    ]);
    expect((await newDraft()).id).toBe(draft.id);
    expect(await auditEvents('rules.version.created')).toHaveLength(1);
  });

  it('refuses a malformed condition with the line, the column and the parser message, and saves nothing', async () => {
    const draft = await newDraft();
    const res = await run(saveRuleAction, ruleInput(draft.id, { expression: 'item.source.foreign &&\n  item.value.jpy >' }));
    expect(res).toMatchObject({
      ok: false,
      error: 'errors.invalidInput',
      fieldErrors: { expression: ['rules.errors.expression'] },
      details: { expression: { kind: 'parse', message: 'Unexpected token: EOF', position: { line: 2, column: 19 } } },
    });
    const typo = await run(saveRuleAction, ruleInput(draft.id, { expression: 'item.sorce.foreign' }));
    expect(typo).toMatchObject({ ok: false, details: { expression: { kind: 'type', message: 'No such key: sorce', position: { line: 1, column: 6 } } } });
    const unknownList = await run(saveRuleAction, ruleInput(draft.id, { forEach: 'appointments', expression: 'onList(item.organisation, "no-such-list")' }));
    expect(unknownList).toMatchObject({ ok: false, fieldErrors: { expression: ['rules.errors.unknownList'] }, details: { unknownLists: ['no-such-list'] } });
    const badParams = await run(saveRuleAction, ruleInput(draft.id, { params: '[1, 2]' }));
    expect(badParams).toMatchObject({ ok: false, fieldErrors: { params: ['rules.errors.paramsJson'] } });
    const badMessage = await run(saveRuleAction, ruleInput(draft.id, { messageEn: '{{item.sponsor.name}}' }));
    expect(badMessage).toMatchObject({ ok: false, fieldErrors: { messageEn: ['rules.errors.placeholder.path'] } });
    expect(await db.rule.count({ where: { rulesetVersionId: draft.id, code: 'foreign-gift' } })).toBe(0);
  });

  it('saves a valid rule (audited), refuses a duplicate code, edits and deletes within the draft', async () => {
    const draft = await newDraft();
    const saved = await run(saveRuleAction, ruleInput(draft.id));
    expect(saved.ok).toBe(true);
    const ruleId = (saved as { data: { ruleId: string } }).data.ruleId;
    expect(await db.rule.findUniqueOrThrow({ where: { id: ruleId } })).toMatchObject({ forEach: 'gifts', severity: 'INFO', params: { limitJpy: 100000 } });
    expect(await run(saveRuleAction, ruleInput(draft.id))).toMatchObject({ ok: false, fieldErrors: { code: ['rules.errors.codeTaken'] } });
    expect(await run(saveRuleAction, ruleInput(draft.id, { ruleId, severity: 'REVIEW' }))).toMatchObject({ ok: true });
    expect((await db.rule.findUniqueOrThrow({ where: { id: ruleId } })).severity).toBe('REVIEW');
    expect(await run(deleteRuleAction, { ruleId })).toMatchObject({ ok: true });
    expect((await auditEvents('rules.rule.saved')).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the citation in both languages; one is enough, none is refused on both fields, and nothing is saved', async () => {
    const draft = await newDraft();
    const both = await run(saveRuleAction, ruleInput(draft.id, { code: 'cite-both', citationJa: ' 機関の方針 第3条 ', citationEn: 'Institution policy, art. 3' }));
    if (!both.ok) throw new Error(JSON.stringify(both));
    expect(await db.rule.findUniqueOrThrow({ where: { id: (both.data as { ruleId: string }).ruleId } })).toMatchObject({
      citationJa: '機関の方針 第3条',
      citationEn: 'Institution policy, art. 3',
    });
    const enOnly = await run(saveRuleAction, ruleInput(draft.id, { code: 'cite-en', citationJa: '   ', citationEn: 'NSPM-33 (2021)' }));
    if (!enOnly.ok) throw new Error(JSON.stringify(enOnly));
    expect(await db.rule.findUniqueOrThrow({ where: { id: (enOnly.data as { ruleId: string }).ruleId } })).toMatchObject({ citationJa: '', citationEn: 'NSPM-33 (2021)' });
    const none = await run(saveRuleAction, ruleInput(draft.id, { code: 'cite-none', citationJa: '', citationEn: ' ' }));
    expect(none).toMatchObject({ ok: false, fieldErrors: { citationJa: ['rules.errors.citationRequired'], citationEn: ['rules.errors.citationRequired'] } });
    expect(await db.rule.count({ where: { rulesetVersionId: draft.id, code: 'cite-none' } })).toBe(0);
  });

  it('the starter rules cite their guidelines in Japanese and in English', async () => {
    const rules = await db.rule.findMany({ where: { rulesetVersion: { rulesetId, version: 1 } }, select: { code: true, citationJa: true, citationEn: true } });
    expect(rules.length).toBeGreaterThan(0);
    for (const r of rules) {
      expect(r.citationJa, r.code).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(r.citationEn, r.code).toMatch(/^[^\u3040-\u30ff\u4e00-\u9fff]+$/);
    }
  });
});

describe('activation', () => {
  it('activates the draft, retires the previous version at that moment, queues re-evaluation, and freezes the version', async () => {
    const draft = await newDraft();
    const support = draft.rules.find((r) => r.code === 'foreign-support-amount')!;
    expect(
      await run(saveRuleAction, {
        ...ruleInput(draft.id),
        ruleId: support.id,
        code: support.code,
        titleJa: support.titleJa,
        titleEn: support.titleEn,
        forEach: 'support',
        expression: support.expression,
        severity: support.severity,
        messageJa: support.messageJa,
        messageEn: support.messageEn,
        citationJa: support.citationJa,
        citationEn: support.citationEn,
        params: '{"thresholdJpy": 7000000}',
      }),
    ).toMatchObject({ ok: true });
    const before = await db.rulesetVersion.findFirstOrThrow({ where: { rulesetId, status: 'ACTIVE' } });
    const res = await run(activateVersionAction, { versionId: draft.id });
    expect(res.ok).toBe(true);
    const taskId = (res as { data: { taskId: string } }).data.taskId;
    expect(await db.backgroundTask.findUniqueOrThrow({ where: { id: taskId } })).toMatchObject({ kind: 'rules.reevaluate', params: { reason: 'rules.activated' } });

    const now = await db.rulesetVersion.findUniqueOrThrow({ where: { id: draft.id } });
    const old = await db.rulesetVersion.findUniqueOrThrow({ where: { id: before.id } });
    expect(now).toMatchObject({ status: 'ACTIVE' });
    expect(old).toMatchObject({ status: 'RETIRED', effectiveTo: now.effectiveFrom });
    expect((await rulesInForce(db)).versionIds).toEqual([draft.id]);
    const [event] = await auditEvents('rules.version.activated');
    expect(event).toMatchObject({ entityId: draft.id, actorId: admin.userId, details: expect.objectContaining({ version: draft.version, retired: [before.version], taskId }) });

    // Immutable: no edit, no delete, no discard of a version that has been active.
    expect(await run(saveRuleAction, ruleInput(draft.id, { code: 'late-change' }))).toEqual({ ok: false, error: 'rules.errors.notDraft' });
    expect(await run(deleteRuleAction, { ruleId: support.id })).toEqual({ ok: false, error: 'rules.errors.notDraft' });
    expect(await run(discardDraftAction, { versionId: draft.id })).toEqual({ ok: false, error: 'rules.errors.notDraft' });
  });

  it('a future effective date keeps the current version in force until then', async () => {
    const current = await db.rulesetVersion.findFirstOrThrow({ where: { rulesetId, status: 'ACTIVE' } });
    const draft = await newDraft();
    const res = await run(activateVersionAction, { versionId: draft.id, effectiveFrom: '2099-04-01T00:00' });
    expect(res.ok).toBe(true);
    expect((await rulesInForce(db)).versionIds).toEqual([current.id]);
    expect((await rulesInForce(db, new Date('2099-04-02T00:00:00+09:00'))).versionIds).toEqual([draft.id]);
    expect(await run(activateVersionAction, { versionId: (await newDraft()).id, effectiveFrom: '2001-01-01T00:00' })).toMatchObject({
      ok: false,
      fieldErrors: { effectiveFrom: ['rules.errors.effectiveInPast'] },
    });
  });

  it('creates a new ruleset with an empty draft', async () => {
    const res = await run(createRulesetAction, { code: 'institution-extra', nameJa: '追加チェック', nameEn: 'Extra checks' });
    expect(res).toEqual({ ok: true, data: { code: 'institution-extra', version: 1 } });
    expect(await run(createRulesetAction, { code: 'institution-extra', nameJa: 'x', nameEn: 'x' })).toMatchObject({ ok: false, fieldErrors: { code: ['rules.errors.codeTaken'] } });
  });
});
