// Every rule of the starter ruleset, firing and not firing, on versions built from sampleContent()
// variations and checked through checkSubmittedVersion against the sample lists and grants.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import type { DisclosureContent } from '@/lib/disclosures/sections';
import {
  contentWith,
  fileAndCheck,
  items,
  makeAttachment,
  makeDisclosure,
  makeInstitutionWithCycle,
  makeResearcher,
  section,
  seedRulesWorld,
  submitVersion,
  findingsOf,
} from '@/test/helpers/rules-world';

let world: Awaited<ReturnType<typeof makeInstitutionWithCycle>>;

beforeAll(async () => {
  await seedRulesWorld('all');
  world = await makeInstitutionWithCycle();
});

const id = () => crypto.randomUUID();
const check = (content: DisclosureContent) => fileAndCheck(world, content);
const withErad = (content: DisclosureContent, eradNumber: string): DisclosureContent => ({ ...content, profile: { ...content.profile, eradNumber } });
const ofRule = (r: Awaited<ReturnType<typeof check>>, code: string) => r.findings.filter((f) => f.rule.code === code);

const domesticOrg = { name: 'Example Domestic Foundation', nameLocal: '例示財団', country: 'JP' as const };
const neutralForeign = { name: 'University of Example Studies', country: 'DE' as const };

describe('talent-programme (needs review)', () => {
  it('fires on a foreign programme, naming the item and quoting the programme', async () => {
    const p = items.programme({ id: id(), programme: { name: 'Example Talent Programme', country: 'CN' }, sponsor: neutralForeign });
    const r = await check(contentWith({ programmes: section(p) }));
    const [f] = ofRule(r, 'talent-programme');
    expect(f).toMatchObject({ severity: 'REVIEW', itemRef: `programmes/${p.id}` });
    expect(f?.messageEn).toContain('"Example Talent Programme" (CN, sponsor: University of Example Studies)');
  });

  it('does not fire on a domestic programme, nor without programmes', async () => {
    const p = items.programme({ id: id(), programme: { name: '国内若手研究者育成事業', country: 'JP' }, sponsor: domesticOrg });
    expect(ofRule(await check(contentWith({ programmes: section(p) })), 'talent-programme')).toEqual([]);
    expect(ofRule(await check(contentWith({})), 'talent-programme')).toEqual([]);
  });
});

describe('talent-programme-award (needs review)', () => {
  it('fires for an award the researcher marks as a foreign talent programme\'s', async () => {
    const g = items.gift({ kind: 'AWARD', source: { name: 'Example Overseas Talent Office', country: 'CN' }, value: undefined, talentProgrammeAward: true });
    const [f] = ofRule(await check(contentWith({ gifts: section(g) })), 'talent-programme-award');
    expect(f).toMatchObject({ severity: 'REVIEW', itemRef: `gifts/${g.id}` });
    expect(f?.messageEn).toContain('"Example Overseas Talent Office" (CN)');
  });

  it('fires when the source is screened onto the Section 1286 talent-programme list, even unmarked', async () => {
    for (const name of ['Thousand Talents Programme', '千人计划']) {
      const g = items.gift({ kind: 'AWARD', source: { name, country: 'CN' }, value: undefined, talentProgrammeAward: false });
      const found = ofRule(await check(contentWith({ gifts: section(g) })), 'talent-programme-award');
      // A finding resting on a list match points at the organisation that matched.
      expect(found.map((f) => f.itemRef), name).toEqual([`gifts/${g.id}/source`]);
    }
  });

  it('does not fire for an ordinary gift, a foreign prize not marked, or a domestic programme award', async () => {
    const ordinary = items.gift();
    const foreignPrize = items.gift({ kind: 'AWARD', source: neutralForeign, value: undefined });
    const domestic = items.gift({ kind: 'AWARD', source: domesticOrg, value: undefined, talentProgrammeAward: true });
    const r = await check(contentWith({ gifts: section(ordinary, foreignPrize, domestic) }));
    expect(ofRule(r, 'talent-programme-award')).toEqual([]);
  });
});

describe('listed-organisation (flag)', () => {
  it('fires for an organisation on the End User List, and for one only in the SASTIND group', async () => {
    const a = items.appointment({ id: id(), organisation: { name: 'Beijing Univ. of Aeronautics & Astronautics', country: 'CN' } });
    const eul = ofRule(await check(contentWith({ appointments: section(a) })), 'listed-organisation');
    expect(eul.map((f) => (f.values as Record<string, unknown>)['item.code']).sort()).toEqual(['cn-sastind-seven-sons', 'jp-meti-end-user-list']);
    expect(eul.every((f) => f.severity === 'FLAG' && f.itemRef === `appointments/${a.id}/organisation`)).toBe(true);

    // Nanjing University of Science and Technology is in the group sample but on no list of the rule.
    const t = items.travel({ id: id(), sponsor: { name: '南京理工大学', country: 'CN' } });
    const group = ofRule(await check(contentWith({ travel: section(t) })), 'listed-organisation');
    expect(group.map((f) => (f.values as Record<string, unknown>)['item.code'])).toEqual(['cn-sastind-seven-sons']);
  });

  it('does not fire for near-misses, unlisted organisations or lists the rule does not name', async () => {
    for (const name of ['Beijing University', 'Nanjing University', 'University of Tokyo']) {
      const a = items.appointment({ id: id(), organisation: { name, country: 'CN' } });
      expect(ofRule(await check(contentWith({ appointments: section(a) })), 'listed-organisation'), name).toEqual([]);
    }
    // Sun Yat-sen University is on the Section 1286 list, not on the EUL copy or in the group.
    const a = items.appointment({ id: id(), organisation: { name: 'Sun Yat-sen University', country: 'CN' } });
    const r = await check(contentWith({ appointments: section(a) }));
    expect(ofRule(r, 'listed-organisation')).toEqual([]);
    expect((await db.disclosure.findUniqueOrThrow({ where: { id: r.disclosureId } })).pendingMatches).toBeGreaterThan(0);
  });
});

describe('foreign-support-amount (needs review)', () => {
  const support = (source: { name: string; country: 'CN' | 'JP' | 'DE' }, amountMinor: number, currency: 'CNY' | 'JPY') =>
    items.support({ id: id(), source, totalAmount: { amountMinor, currency } });

  it('fires above ¥5,000,000 converted with the cycle rate, quoting the amount and the threshold', async () => {
    // 300,000.00 CNY × 20.80 = ¥6,240,000.
    const s = support({ name: 'Example Foreign Foundation', country: 'DE' }, 30_000_000, 'CNY');
    const [f] = ofRule(await check(contentWith({ support: section(s) })), 'foreign-support-amount');
    expect(f).toMatchObject({ severity: 'REVIEW', itemRef: `support/${s.id}` });
    expect(f?.values).toMatchObject({ 'item.totalJpy': 6_240_000, 'params.thresholdJpy': 5_000_000, 'item.source.foreign': true });
    expect(f?.messageEn).toContain('of ¥6,240,000 exceeds the threshold of ¥5,000,000');
    expect(f?.messageJa).toContain('6,240,000円 が基準額 5,000,000円 を超えています');
  });

  it('does not fire at or below the threshold, or for domestic support of any size', async () => {
    const small = support({ name: 'Example Foreign Foundation', country: 'DE' }, 20_000_000, 'CNY'); // ¥4,160,000
    expect(ofRule(await check(contentWith({ support: section(small) })), 'foreign-support-amount')).toEqual([]);
    const domestic = support({ name: '日本学術振興会', country: 'JP' }, 500_000_000, 'JPY');
    expect(ofRule(await check(contentWith({ support: section(domestic) })), 'foreign-support-amount')).toEqual([]);
  });

  it('a currency without a rate is never passed silently: the rule reports that it could not be evaluated', async () => {
    const s = items.support({ id: id(), source: neutralForeign, totalAmount: { amountMinor: 1_000_000, currency: 'CHF' } });
    const [f] = ofRule(await check(contentWith({ support: section(s) })), 'foreign-support-amount');
    expect(f).toMatchObject({ severity: 'REVIEW', itemRef: `support/${s.id}` });
    expect(f?.messageEn).toContain('could not be evaluated');
  });
});

describe('talent-programme-with-domestic-grants (flag)', () => {
  const programme = () => section(items.programme({ id: id(), programme: { name: 'Example Talent Programme', country: 'CN' }, sponsor: neutralForeign }));

  it('fires for a researcher with more than ¥100M of domestic grants in ten fiscal years', async () => {
    // Sample grants of 10000001: ¥164M in FY2017–FY2026 (the FY2012 record is outside the window).
    const r = await check(withErad(contentWith({ programmes: programme() }), '10000001'));
    const [f] = ofRule(r, 'talent-programme-with-domestic-grants');
    expect(f).toMatchObject({ severity: 'FLAG' });
    expect(f?.values).toMatchObject({ 'grants.total10y': 164_000_000, 'grants.throughYear': 2026, 'params.grantsThresholdJpy': 100_000_000 });
    expect(f?.messageEn).toContain('domestic grants of ¥164,000,000 in the ten fiscal years to FY2026');
  });

  it('does not fire with smaller grants, or without a talent programme', async () => {
    expect(ofRule(await check(withErad(contentWith({ programmes: programme() }), '20000002')), 'talent-programme-with-domestic-grants')).toEqual([]);
    expect(ofRule(await check(withErad(contentWith({}), '10000001')), 'talent-programme-with-domestic-grants')).toEqual([]);
  });

  it("uses the e-Rad number of the researcher's profile when there is one", async () => {
    const researcher = await makeResearcher(world.institution.id, '10000001');
    const d = await makeDisclosure({ cycleId: world.cycle.id, institutionId: world.institution.id, researcherId: researcher.id });
    const versionId = await submitVersion(d.id, researcher.id, withErad(contentWith({ programmes: programme() }), '99999999'));
    expect((await findingsOf(versionId)).map((f) => f.rule.code)).toContain('talent-programme-with-domestic-grants');
  });
});

describe('foreign-appointment-without-contract (needs review)', () => {
  it('fires for a foreign appointment with no contract attached', async () => {
    const a = items.appointment({ id: id(), organisation: neutralForeign, contractAttachmentIds: [] });
    const [f] = ofRule(await check(contentWith({ appointments: section(a) })), 'foreign-appointment-without-contract');
    expect(f).toMatchObject({ severity: 'REVIEW', itemRef: `appointments/${a.id}` });
    expect(f?.messageEn).toBe('The appointment "Visiting Professor" at the foreign organisation "University of Example Studies" (DE) has no contract attached.');
  });

  it('does not fire when a contract is attached, nor for a domestic appointment', async () => {
    const researcher = await makeResearcher(world.institution.id);
    const d = await makeDisclosure({ cycleId: world.cycle.id, institutionId: world.institution.id, researcherId: researcher.id });
    const contract = await makeAttachment(d.id, researcher.id);
    const a = items.appointment({ id: id(), organisation: neutralForeign, contractAttachmentIds: [contract.id] });
    const versionId = await submitVersion(d.id, researcher.id, contentWith({ appointments: section(a) }));
    expect((await findingsOf(versionId)).map((f) => f.rule.code)).toEqual([]);

    const domestic = items.appointment({ id: id(), organisation: domesticOrg, contractAttachmentIds: [] });
    expect(ofRule(await check(contentWith({ appointments: section(domestic) })), 'foreign-appointment-without-contract')).toEqual([]);
  });
});

it('the full sample disclosure trips every list, programme and contract rule, and the summary is the worst of them', async () => {
  const r = await check(withErad(contentWith({}), '10000001'));
  expect(r.codes).toEqual([]);
  const { sampleContent } = await import('@/lib/disclosures/sample');
  const full = await check(withErad(sampleContent(), '10000001'));
  expect([...new Set(full.codes)]).toEqual([
    'foreign-appointment-without-contract',
    'listed-organisation',
    'talent-programme',
    'talent-programme-with-domestic-grants',
  ]);
  expect(await db.disclosure.findUniqueOrThrow({ where: { id: full.disclosureId } })).toMatchObject({ maxSeverity: 'FLAG', findingCount: full.findings.length });
});
