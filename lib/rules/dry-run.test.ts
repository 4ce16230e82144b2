// The dry run of a draft over a cycle: per rule, the disclosures that would newly fire, stop firing or
// fire as before, with researcher-anonymous examples; nothing is written.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import { makeActor } from '@/test/helpers/actors';
import { contentWith, fileAndCheck, items, makeInstitutionWithCycle, section, seedRulesWorld } from '@/test/helpers/rules-world';
import { runTask } from '@/lib/jobs/tasks';
import { dryRun, dryRunStatus, startDryRun } from './dry-run';
import './tasks';
import { createDraft, saveRule } from './rulesets';
import { STARTER_RULESET } from './starter';

const origin = { ip: null, userAgent: null };
const id = () => crypto.randomUUID();
const foreign = { name: 'Example Foreign Foundation', country: 'DE' as const };
const cny = (yuan: number) => items.support({ id: id(), source: foreign, totalAmount: { amountMinor: yuan * 100, currency: 'CNY' } });

let admin: Actor;
let world: Awaited<ReturnType<typeof makeInstitutionWithCycle>>;
const filed: Record<string, string> = {};

beforeAll(async () => {
  await seedRulesWorld('samples');
  admin = await makeActor({ roles: [{ role: 'ADMIN', allInstitutions: true }] });
  world = await makeInstitutionWithCycle('FY2026');
  const file = async (name: string, content: DisclosureContent) => {
    filed[name] = (await fileAndCheck(world, content)).disclosureId;
  };
  // At ¥20.80 per CNY: 300,000 → ¥6,240,000; 400,000 → ¥8,320,000; 250,000 → ¥5,200,000.
  await file('d1', contentWith({ support: section(cny(300_000)), appointments: section(items.appointment({ id: id(), organisation: foreign })) }));
  await file('d2', contentWith({ support: section(cny(400_000)) }));
  await file('d3', contentWith({ support: section(cny(250_000)) }));
  await file('d4', contentWith({ travel: section(items.travel({ id: id(), sponsor: foreign })) }));
  // A disclosure of another cycle is not counted.
  const other = await makeInstitutionWithCycle('FY2025');
  await fileAndCheck(other, contentWith({ support: section(cny(900_000)) }));
});

describe('dry run', () => {
  it('counts, per rule, the disclosures that newly fire, stop firing or stay, with anonymous examples', async () => {
    const ruleset = await db.ruleset.findUniqueOrThrow({ where: { code: STARTER_RULESET.code } });
    const { version } = await createDraft(admin, { rulesetId: ruleset.id }, origin);
    const draft = await db.rulesetVersion.findFirstOrThrow({ where: { rulesetId: ruleset.id, version }, include: { rules: true } });
    const support = draft.rules.find((r) => r.code === 'foreign-support-amount')!;
    // Raise the threshold to ¥6,000,000: d3 (¥5.2M) stops firing, d1 and d2 still fire.
    await saveRule(admin, { ...support, versionId: draft.id, ruleId: support.id, forEach: 'support', params: '{"thresholdJpy": 6000000}' }, origin);
    // A new rule on sponsored travel: d4 newly fires.
    await saveRule(
      admin,
      {
        versionId: draft.id,
        code: 'foreign-travel',
        titleJa: '外国機関の費用による渡航',
        titleEn: 'Foreign-sponsored travel',
        forEach: 'travel',
        expression: 'item.sponsor.foreign',
        severity: 'INFO',
        messageJa: '{{item.sponsor.name}} の費用による渡航',
        messageEn: 'Travel paid by {{item.sponsor.name}}',
        citationJa: '機関の方針',
        citationEn: 'Institution policy',
        params: '',
      },
      origin,
    );
    // Removing the contract rule: d1 stops firing on it.
    await db.rule.delete({ where: { id: draft.rules.find((r) => r.code === 'foreign-appointment-without-contract')!.id } });
    const findingsBefore = await db.finding.count();

    const result = await dryRun(admin, { versionId: draft.id, cycleCode: 'FY2026' }, origin);
    expect(result).toMatchObject({ cycleCode: 'FY2026', disclosures: 4, draftVersion: version, activeVersion: 1, withFindings: { before: 3, after: 3 } });
    const byCode = Object.fromEntries(result.rules.map((r) => [r.code, r]));
    expect(byCode['foreign-support-amount']).toMatchObject({ change: 'changed', before: 3, after: 2, newlyFiring: 0, stopped: 1, unchanged: 2, errors: 0 });
    expect(byCode['foreign-support-amount']!.examples.stopped).toEqual([
      { disclosureId: filed.d3, institution: { nameJa: world.institution.nameJa, nameEn: world.institution.nameEn }, itemRefs: [expect.stringMatching(/^support\//)] },
    ]);
    expect(byCode['foreign-travel']).toMatchObject({ change: 'added', before: 0, after: 1, newlyFiring: 1, stopped: 0 });
    expect(byCode['foreign-travel']!.examples.newlyFiring[0]).toMatchObject({ disclosureId: filed.d4, itemRefs: [expect.stringMatching(/^travel\//)] });
    expect(byCode['foreign-appointment-without-contract']).toMatchObject({ change: 'removed', before: 1, after: 0, stopped: 1 });
    expect(byCode['talent-programme']).toMatchObject({ change: 'same', before: 0, after: 0, newlyFiring: 0, stopped: 0, unchanged: 0 });

    // Examples name the disclosure and its institution only.
    const text = JSON.stringify(result);
    expect(text).not.toContain('Test Researcher');
    expect(text).not.toMatch(/researcher|name(Kanji|Romaji|Kana)/i);
    // Nothing was written but the audit event.
    expect(await db.finding.count()).toBe(findingsBefore);
    expect(await db.auditEvent.count({ where: { action: 'rules.dry_run', entityId: draft.id } })).toBe(1);
  });

  it('runs a large cycle in the background with progress, and its result page gets the same counts and examples', async () => {
    const ruleset = await db.ruleset.findUniqueOrThrow({ where: { code: STARTER_RULESET.code } });
    const draft = await db.rulesetVersion.findFirstOrThrow({ where: { rulesetId: ruleset.id, status: 'DRAFT' } });
    const input = { versionId: draft.id, cycleCode: 'FY2026' };
    // A small cycle is answered at once.
    const inline = await startDryRun(admin, input, origin);
    expect(inline.kind).toBe('result');
    // Past the limit (here: any cycle at all) it becomes a task the page polls.
    const started = await startDryRun(admin, input, origin, { inlineLimit: 0 });
    expect(started).toMatchObject({ kind: 'task', disclosures: 4 });
    const taskId = started.kind === 'task' ? started.taskId : '';
    expect(await dryRunStatus(admin, taskId)).toEqual({ status: 'QUEUED', done: 0, total: null, result: null });
    await runTask(taskId);
    const status = await dryRunStatus(admin, taskId);
    expect(status).toMatchObject({ status: 'SUCCEEDED', done: 4, total: 4 });
    expect(status.result).toEqual(inline.kind === 'result' ? inline.result : null);
    expect(await db.auditEvent.count({ where: { action: 'rules.dry_run', entityId: draft.id, details: { path: ['taskId'], equals: taskId } } })).toBe(1);
    // Another administrator cannot read it: not found, as for a task that does not exist.
    const other = await makeActor({ roles: [{ role: 'ADMIN', allInstitutions: true }] });
    await expect(dryRunStatus(other, taskId)).rejects.toThrow('errors.notFound');
  });

  it('refuses anything but a draft', async () => {
    const active = await db.rulesetVersion.findFirstOrThrow({ where: { status: 'ACTIVE' } });
    await expect(dryRun(admin, { versionId: active.id, cycleCode: 'FY2026' }, origin)).rejects.toThrow('errors.notFound');
  });
});
