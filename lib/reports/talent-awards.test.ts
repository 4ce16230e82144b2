// A talent-programme award filed only under gifts, honoraria and awards is involvement in the programme
// (the form says so): the talent figures of every report count it, once per researcher, through the one
// TALENT predicate the figures, record lists and exports share.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { TALENT_PROGRAMME_LIST } from '@/lib/rules/starter';
import { createCycle, createInstitution, createUser } from '@/lib/seed/factories';
import { createSubmittedDisclosure, type SubmittedSpec } from '@/lib/seed/report-factories';
import { normalizeName, searchTextOf } from '@/lib/watchlists/normalize';
import { actorFor } from '@/test/helpers/actors';
import { overview } from './overview';
import { recordFilterSchema } from './params';
import { countRecords, listRecords, recordQuery } from './records';
import { talentGrants } from './talent-grants';
import { trends } from './trends';

const FY = 2030;
const CN = 'CN' as const;
const TALENT_OFFICE = { name: 'Example Overseas Talent Office', country: CN };
const TTP = { name: 'Thousand Talents Plan', country: CN };
const SCREENED = { name: 'Qiming Young Talents Programme', country: CN };
const DISMISSED = { name: 'Qiming Young Scholars Prize', country: CN };
const SOCIETY = { name: 'Example Engineering Society', country: 'JP' as const };

const names: Record<string, string> = {};
let national: Awaited<ReturnType<typeof actorFor>>;

beforeAll(async () => {
  const tag = randomUUID().slice(0, 6);
  await db.$transaction(async (tx) => {
    const inst = await createInstitution(tx, { slug: `g-${tag}`, nameEn: `Gamma University ${tag}`, nameJa: `ガンマ大学${tag}` });
    const cycle = await createCycle(tx, { institutionId: inst.id, fiscalYear: FY });
    const list = await tx.watchlist.create({
      data: { code: TALENT_PROGRAMME_LIST, nameEn: 'Section 1286 talent programmes (test)', nameJa: '1286条 人材プログラム（テスト）', source: 'test', isSample: true },
    });
    const entry = await tx.watchlistEntry.create({
      data: { watchlistId: list.id, reference: 'TP-1', name: 'Qiming Programme', searchText: searchTextOf({ name: 'Qiming Programme' }) },
    });
    const officer = await createUser(tx, { roles: [{ role: 'OFFICER', institutionId: inst.id }] });
    for (const [org, dismissed] of [[SCREENED, false], [DISMISSED, true]] as const) {
      const m = await tx.entityMatch.create({
        data: { organisationKey: `name:${normalizeName(org.name)}`, organisationName: org.name, watchlistEntryId: entry.id, score: 0.92 },
      });
      if (dismissed) await tx.matchDecision.create({ data: { matchId: m.id, institutionId: inst.id, status: 'DISMISSED', decidedById: officer.id } });
    }
    const researcher = async (key: string, spec: Pick<SubmittedSpec, 'programmes' | 'gifts'>) => {
      const name = `Researcher ${key} ${tag}`;
      const user = await createUser(tx, { displayName: name, roles: [{ role: 'RESEARCHER', institutionId: inst.id }], profile: { institutionId: inst.id } });
      await createSubmittedDisclosure(tx, { ...spec, cycleId: cycle.id, institutionId: inst.id, researcherId: user.id, researcherName: name });
      names[key] = name;
    };
    // G1: only an award, marked by the researcher as a talent programme's.
    await researcher('G1', { gifts: [{ source: TALENT_OFFICE, talentProgrammeAward: true }] });
    // G2: the programme and its award: one researcher, counted once.
    await researcher('G2', { programmes: [{ programme: TTP, sponsor: TALENT_OFFICE }], gifts: [{ source: TALENT_OFFICE, talentProgrammeAward: true }] });
    // G3: an ordinary honorarium.
    await researcher('G3', { gifts: [{ source: SOCIETY, talentProgrammeAward: false, kind: 'HONORARIUM' }] });
    // G4: an award not marked, whose source screening matched to the talent-programme list (pending).
    await researcher('G4', { gifts: [{ source: SCREENED, talentProgrammeAward: false }] });
    // G5: the same, but the institution's officer dismissed that match.
    await researcher('G5', { gifts: [{ source: DISMISSED, talentProgrammeAward: false }] });
  }, { timeout: 60_000 });
  const auditor = await db.$transaction((tx) => createUser(tx, { roles: [{ role: 'AUDITOR', allInstitutions: true }] }));
  national = await actorFor(auditor.id);
});

const params = recordFilterSchema.parse({ fiscalYear: FY });

describe('talent-programme awards filed under gifts', () => {
  it('count in the talent figures once per researcher, and the records behind them agree', async () => {
    const r = await talentGrants(national, params);
    expect(r.totals.talent.n).toBe(3);
    expect((await overview(national, params)).talent.n).toBe(3);
    expect((await trends(national, params)).years.find((y) => y.fiscalYear === FY)?.talent.n).toBe(3);

    const q = await recordQuery(national, { ...recordFilterSchema.parse({ fiscalYear: FY, talent: 'any' }), fiscalYear: FY });
    expect(await countRecords(q)).toBe(3);
    const rows = (await listRecords(q, { limit: 100 })).rows;
    expect(rows.map((x) => x.researcherName).sort()).toEqual([names.G1, names.G2, names.G4].sort());
    // The programme and its award are two items of involvement for the one researcher.
    expect(Object.fromEntries(rows.map((x) => [x.researcherName, x.talentProgrammes]))).toEqual({ [names.G1!]: 1, [names.G2!]: 2, [names.G4!]: 1 });
  });
});
