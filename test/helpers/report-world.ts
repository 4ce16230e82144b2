// A hand-built world for the reports' tests: two institutions, researchers with and without talent
// programmes, domestic grants above, at and below the threshold and at the edges of the window, the
// SASTIND group list, a watchlist with pending, confirmed and dismissed matches. The expected figures
// are written beside each researcher.
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db/client';
import { createCycle, createInstitution, createUser } from '@/lib/seed/factories';
import { createSubmittedDisclosure, type SubmittedSpec } from '@/lib/seed/report-factories';
import { normalizeName, searchTextOf } from '@/lib/watchlists/normalize';
import { actorFor } from './actors';

const CN = 'CN' as const;
export const BEIHANG = { name: 'Beihang University', nameLocal: '北京航空航天大学', country: CN };
export const BIT = { name: 'Beijing Institute of Technology', country: CN };
export const TTP = { name: 'Thousand Talents Plan', nameLocal: '千人計画', country: CN };
export const FOUNDATION = { name: 'Hypothetical Defence Foundation', country: CN };
export const OTHER = { name: 'Lotus Research Centre', country: CN };

let erad = 40_000_000 + Math.floor(Math.random() * 1_000_000) * 10;
const nextErad = () => String(++erad);

export async function reportWorld() {
  const tag = randomUUID().slice(0, 6);
  return db.$transaction(
    async (tx) => {
      const a = await createInstitution(tx, { slug: `a-${tag}`, nameEn: `Alpha University ${tag}`, nameJa: `アルファ大学${tag}` });
      const b = await createInstitution(tx, { slug: `b-${tag}`, nameEn: `Beta Institute ${tag}`, nameJa: `ベータ工業大学${tag}` });
      const cycleA = await createCycle(tx, { institutionId: a.id, fiscalYear: 2026 });
      const cycleB = await createCycle(tx, { institutionId: b.id, fiscalYear: 2026 });
      const pastA = await createCycle(tx, { institutionId: a.id, fiscalYear: 2025, status: 'CLOSED' });

      // The group list (SASTIND sample: two of the seven are enough here) and a watchlist.
      const group = await tx.watchlist.upsert({
        where: { code: 'cn-sastind-seven-sons' },
        update: {},
        create: { code: 'cn-sastind-seven-sons', kind: 'GROUP', nameEn: 'SASTIND (test)', nameJa: '国防七子（テスト）', source: 'test', isSample: true },
      });
      const entry = (watchlistId: string, reference: string, name: string, nameJa?: string, aliases: string[] = []) =>
        tx.watchlistEntry.upsert({
          where: { watchlistId_reference: { watchlistId, reference } },
          update: {},
          create: { watchlistId, reference, name, nameJa, aliases, country: 'CN', searchText: searchTextOf({ name, nameJa, aliases }) },
        });
      const beihang = await entry(group.id, 'SASTIND-1', 'Beihang University', '北京航空航天大学', ['BUAA']);
      const bit = await entry(group.id, 'SASTIND-2', 'Beijing Institute of Technology', '北京理工大学', ['BIT']);
      const list = await tx.watchlist.create({
        data: { code: `test-eul-${tag}`, kind: 'WATCHLIST', nameEn: `Test End User List ${tag}`, nameJa: `テスト外国ユーザーリスト${tag}`, source: 'test', isSample: true },
      });
      const listed = await entry(list.id, 'EUL-1', 'Hypothetical Defence Foundation');
      const listed2 = await entry(list.id, 'EUL-2', 'Lotus Research Centre');

      const people: Record<string, { userId: string; disclosureId: string; eradNumber: string }> = {};
      const researcher = async (key: string, institutionId: string, spec: Omit<SubmittedSpec, 'institutionId' | 'researcherId' | 'researcherName' | 'eradNumber'>, grants: [number, number][] = []) => {
        const eradNumber = nextErad();
        const user = await createUser(tx, {
          displayName: `Researcher ${key} ${tag}`,
          roles: [{ role: 'RESEARCHER', institutionId }],
          profile: { institutionId, eradNumber },
        });
        const { disclosureId } = await createSubmittedDisclosure(tx, {
          ...spec,
          institutionId,
          researcherId: user.id,
          researcherName: `Researcher ${key} ${tag}`,
          eradNumber,
        });
        for (const [fy, amount] of grants) {
          await tx.domesticGrant.create({ data: { eradNumber, projectNumber: `${key}-${fy}`, fiscalYear: fy, role: 'PI', amountJpy: BigInt(amount) } });
        }
        people[key] = { userId: user.id, disclosureId, eradNumber };
      };
      const talent = (sponsor = OTHER) => [{ programme: TTP, sponsor }];

      // Alpha, FY2026
      // A1: talent, sponsored by Beihang (group); 60M in FY2017 (first year of the window) + 50M = 110M → above.
      await researcher('A1', a.id, { cycleId: cycleA.id, status: 'APPROVED', programmes: talent(BEIHANG) }, [[2017, 60_000_000], [2026, 50_000_000]]);
      // A2: talent; exactly ¥100,000,000 → not above (the threshold is "over").
      await researcher('A2', a.id, { cycleId: cycleA.id, status: 'SUBMITTED', programmes: talent() }, [[2020, 100_000_000]]);
      // A3: talent; 90M in FY2016 (outside the window) + 20M in FY2017 + 200M in FY2027 (after the year) → 20M.
      await researcher('A3', a.id, { cycleId: cycleA.id, status: 'FLAGGED', maxSeverity: 'FLAG', findingCount: 1, programmes: talent() }, [
        [2016, 90_000_000],
        [2017, 20_000_000],
        [2027, 200_000_000],
      ]);
      // A4: no talent programme; appointment at BIT and ¥500M → in no talent figure.
      await researcher('A4', a.id, { cycleId: cycleA.id, status: 'APPROVED', appointments: [BIT] }, [[2025, 500_000_000]]);
      // A5: talent; appointment at BIT (group, by name); sponsor on the watchlist (confirmed).
      await researcher('A5', a.id, { cycleId: cycleA.id, status: 'UNDER_REVIEW', maxSeverity: 'REVIEW', programmes: talent(FOUNDATION), appointments: [BIT] });
      // Beta, FY2026
      // B1: talent; ¥767.9M over the window → above and the largest; appointment at 北京航空航天大学 (group).
      await researcher('B1', b.id, { cycleId: cycleB.id, status: 'FLAGGED', maxSeverity: 'FLAG', programmes: talent(), appointments: [{ name: '北京航空航天大学', country: CN }] }, [
        [2018, 400_000_000],
        [2024, 367_900_000],
      ]);
      // B2: talent; an organisation pending on the watchlist.
      await researcher('B2', b.id, { cycleId: cycleB.id, status: 'SUBMITTED', programmes: talent(OTHER) });
      // B3: talent; appointment at "BUAA" (an alias of Beihang), but an officer dismissed that pair → not in the group figure.
      await researcher('B3', b.id, { cycleId: cycleB.id, status: 'SUBMITTED', programmes: [{ programme: { name: 'Another Programme', country: CN }, sponsor: { name: 'Unlisted Body', country: CN } }], appointments: [{ name: 'BUAA', country: CN }] });
      // Alpha, FY2025 (trends): talent.
      await researcher('P1', a.id, { cycleId: pastA.id, status: 'APPROVED', programmes: talent() });
      // A draft (never submitted) in FY2026 at Alpha.
      const drafter = await createUser(tx, { displayName: `Drafter ${tag}`, roles: [{ role: 'RESEARCHER', institutionId: a.id }] });
      await tx.disclosure.create({ data: { cycleId: cycleA.id, institutionId: a.id, researcherId: drafter.id, researcherName: `Drafter ${tag}` } });

      const key = (name: string) => `name:${normalizeName(name)}`;
      const matches = [
        { organisationKey: key(FOUNDATION.name), organisationName: FOUNDATION.name, watchlistEntryId: listed.id, score: 1, status: 'CONFIRMED' },
        { organisationKey: key(OTHER.name), organisationName: OTHER.name, watchlistEntryId: listed2.id, score: 0.9, status: 'PENDING' },
        { organisationKey: key('Unlisted Body'), organisationName: 'Unlisted Body', watchlistEntryId: listed.id, score: 0.82, status: 'DISMISSED' },
        { organisationKey: key('BUAA'), organisationName: 'BUAA', watchlistEntryId: beihang.id, score: 1, status: 'DISMISSED' },
      ] as const;
      for (const { status, ...m } of matches) {
        const match = await tx.entityMatch.create({ data: m, select: { id: true } });
        // Both institutions' officers made the same decision (decisions are per institution).
        if (status !== 'PENDING') {
          await tx.matchDecision.createMany({ data: [a.id, b.id].map((institutionId) => ({ matchId: match.id, institutionId, status, decidedById: drafter.id })) });
        }
      }
      return { tag, a, b, cycleA, cycleB, pastA, group, list, entries: { beihang, bit, listed, listed2 }, people };
    },
    { timeout: 60_000 },
  );
}

/**
 * Expected FY2026 figures, all institutions. "Lotus Research Centre" (pending on the watchlist) is the
 * default sponsor of A2, A3, B1, B2 and P1, so all of them count as "on a watchlist".
 */
export const EXPECTED = {
  talent: 7, // A1 A2 A3 A5 B1 B2 B3
  above: 2, // A1 (110M) B1 (767.9M)
  aboveTotal: 877_900_000n,
  aboveLargest: 767_900_000n,
  atGroup: 3, // A1 (sponsor Beihang) A5 (BIT) B1 (北京航空航天大学); B3 dismissed
  onWatchlist: 5, // A2 A3 B1 B2 (Lotus, pending) + A5 (Foundation, confirmed)
  alpha: { talent: 4, above: 1, atGroup: 2, onWatchlist: 3 },
  beta: { talent: 3, above: 1, atGroup: 1, onWatchlist: 2 },
} as const;

export async function worldActors(w: Awaited<ReturnType<typeof reportWorld>>) {
  const mk = async (roles: { role: 'AUDITOR' | 'OFFICER' | 'ADMIN' | 'RESEARCHER'; institutionId?: string; allInstitutions?: boolean }[]) => {
    const u = await db.$transaction((tx) => createUser(tx, { roles }));
    return actorFor(u.id);
  };
  return {
    national: await mk([{ role: 'AUDITOR', allInstitutions: true }]),
    auditorA: await mk([{ role: 'AUDITOR', institutionId: w.a.id }]),
    officerA: await mk([{ role: 'OFFICER', institutionId: w.a.id }]),
    admin: await mk([{ role: 'ADMIN', allInstitutions: true }]),
    researcher: await actorFor(w.people.A1!.userId),
  };
}
