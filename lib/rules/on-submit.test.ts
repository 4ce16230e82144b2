// checkSubmittedVersion end to end: a version naming Beihang University in Chinese characters is
// screened against the sample lists, the starter rules flag it, and the disclosure's summary columns
// follow; an officer's decision on the match is remembered and changes what fires. (The officer's
// action itself is lib/review/matches.ts; here the decision is written and the disclosures re-checked
// with recheckDisclosure, the two steps that action takes.)
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { contentWith, fileAndCheck, findingsOf, items, makeInstitutionWithCycle, section, seedRulesWorld } from '@/test/helpers/rules-world';
import { recheckDisclosure } from './check';

let world: Awaited<ReturnType<typeof makeInstitutionWithCycle>>;

beforeAll(async () => {
  await seedRulesWorld('all');
  world = await makeInstitutionWithCycle();
});

const beihangSponsor = () =>
  contentWith({
    programmes: section(
      items.programme({ id: crypto.randomUUID(), programme: { name: 'Example Visiting Scholar Scheme', country: 'CN' }, sponsor: { name: '北京航空航天大学', country: 'CN' } }),
    ),
  });

/** What an officer's decision does: the institution's decision on the (organisation, entry) pair, then the re-check. */
async function decide(matchId: string, status: 'CONFIRMED' | 'DISMISSED', disclosureIds: string[]) {
  await db.$transaction(async (tx) => {
    await tx.matchDecision.create({ data: { matchId, institutionId: world.institution.id, status, decidedById: crypto.randomUUID() } });
    for (const id of disclosureIds) await recheckDisclosure(tx, id, { screen: false });
  });
}

describe('checkSubmittedVersion', () => {
  it('flags a version naming 北京航空航天大学, with the matched list entry, score and status in the finding', async () => {
    const { versionId, disclosureId, findings } = await fileAndCheck(world, beihangSponsor());
    const listed = findings.filter((f) => f.rule.code === 'listed-organisation');
    // The kanji name is on the METI list and in the SASTIND group: one finding per list, both FLAG.
    expect(listed.map((f) => (f.values as { 'item.code': string })['item.code']).sort()).toEqual(['cn-sastind-seven-sons', 'jp-meti-end-user-list']);
    expect(listed.every((f) => f.severity === 'FLAG')).toBe(true);
    const meti = listed.find((f) => (f.values as Record<string, unknown>)['item.code'] === 'jp-meti-end-user-list')!;
    expect(meti.itemRef).toMatch(/^programmes\/[0-9a-f-]+\/sponsor$/);
    expect(meti.values).toMatchObject({
      'item.organisation': '北京航空航天大学',
      'item.name': 'BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS',
      'item.score': 1,
      'item.status': 'pending',
      'params.minCandidateScore': 0.9,
    });
    expect(meti.messageEn).toBe(
      'The disclosed organisation "北京航空航天大学" matches "BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS" on "METI End User List, edition of 2024-03-29 (copy, not current)" (score 1, awaiting an officer\'s decision).',
    );
    expect(meti.messageJa).toContain('経済産業省 外国ユーザーリスト 2024年3月29日版（写し・最新ではありません）');
    // The talent programme is foreign: that needs review too.
    expect(findings.map((f) => f.rule.code)).toContain('talent-programme');

    const d = await db.disclosure.findUniqueOrThrow({ where: { id: disclosureId } });
    // Matches on four lists (METI, SASTIND, CSL sample, Section 1286), all awaiting a decision.
    expect(d).toMatchObject({ maxSeverity: 'FLAG', findingCount: findings.length });
    expect(d.pendingMatches).toBeGreaterThanOrEqual(4);
    // The rule that fired belongs to the active starter version: that is the version applied.
    const version = await db.rulesetVersion.findUniqueOrThrow({ where: { id: meti.rule.rulesetVersionId } });
    expect(version).toMatchObject({ status: 'ACTIVE', version: 1 });
    expect(versionId).toBeTruthy();
  });

  it('a confirmed match is no longer pending; a dismissed one no longer fires the list rule, for every disclosure naming it', async () => {
    const first = await fileAndCheck(world, beihangSponsor());
    const second = await fileAndCheck(world, beihangSponsor());
    const matches = await db.entityMatch.findMany({
      where: { organisationName: '北京航空航天大学' },
      select: { id: true, watchlistEntry: { select: { watchlist: { select: { code: true } } } } },
    });
    const meti = matches.find((m) => m.watchlistEntry.watchlist.code === 'jp-meti-end-user-list')!;
    const group = matches.find((m) => m.watchlistEntry.watchlist.code === 'cn-sastind-seven-sons')!;
    const pendingBefore = (await db.disclosure.findUniqueOrThrow({ where: { id: first.disclosureId } })).pendingMatches;

    await decide(meti.id, 'CONFIRMED', [first.disclosureId, second.disclosureId]);
    const afterConfirm = await findingsOf(first.versionId);
    const metiFinding = afterConfirm.find((f) => (f.values as Record<string, unknown>)['item.code'] === 'jp-meti-end-user-list');
    expect(metiFinding?.values).toMatchObject({ 'item.status': 'confirmed' });
    expect((await db.disclosure.findUniqueOrThrow({ where: { id: first.disclosureId } })).pendingMatches).toBe(pendingBefore - 1);

    await decide(group.id, 'DISMISSED', [first.disclosureId, second.disclosureId]);
    for (const { versionId, disclosureId } of [first, second]) {
      const now = await findingsOf(versionId);
      const codes = now.filter((f) => f.rule.code === 'listed-organisation').map((f) => (f.values as Record<string, unknown>)['item.code']);
      expect(codes).toEqual(['jp-meti-end-user-list']);
      // The superseded finding is kept, with the time it stopped applying.
      const superseded = await db.finding.count({ where: { versionId, supersededAt: { not: null } } });
      expect(superseded).toBeGreaterThan(0);
      expect((await db.disclosure.findUniqueOrThrow({ where: { id: disclosureId } })).pendingMatches).toBe(pendingBefore - 2);
    }

    // The decision is remembered: a new disclosure naming the organisation starts from it.
    const third = await fileAndCheck(world, beihangSponsor());
    const listed = third.findings.filter((f) => f.rule.code === 'listed-organisation');
    expect(listed.map((f) => (f.values as Record<string, unknown>)['item.code'])).toEqual(['jp-meti-end-user-list']);
    expect(listed[0]?.values).toMatchObject({ 'item.status': 'confirmed' });
  });

  it('an organisation on no list produces no list finding and no pending matches', async () => {
    const clean = contentWith({
      appointments: section(items.appointment({ id: crypto.randomUUID(), organisation: { name: 'University of Tokyo', nameLocal: '東京大学', country: 'JP' } })),
    });
    const r = await fileAndCheck(world, clean);
    expect(r.codes).toEqual([]);
    expect(await db.disclosure.findUniqueOrThrow({ where: { id: r.disclosureId } })).toMatchObject({ maxSeverity: null, findingCount: 0, pendingMatches: 0 });
  });
});
