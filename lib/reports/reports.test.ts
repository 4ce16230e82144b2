import { beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '@/lib/errors';
import { db } from '@/lib/db/client';
import { EXPECTED, reportWorld, worldActors } from '@/test/helpers/report-world';
import { breakdowns } from './breakdowns';
import { reportInstitutions } from './institutions';
import { overview } from './overview';
import { type RecordFilter, recordFilterSchema } from './params';
import { countRecords, listRecords, recordQuery } from './records';
import { PUBLICATION_MINIMUM_KEY } from './settings';
import { talentGrants } from './talent-grants';
import { trends } from './trends';

let w: Awaited<ReturnType<typeof reportWorld>>;
let actors: Awaited<ReturnType<typeof worldActors>>;

beforeAll(async () => {
  w = await reportWorld();
  actors = await worldActors(w);
});

const params = (o: Partial<RecordFilter> = {}) => recordFilterSchema.parse({ fiscalYear: 2026, ...o });

/** The records behind a figure, counted and listed through the same filter. */
async function records(actor: Parameters<typeof recordQuery>[0], f: Partial<RecordFilter>) {
  const q = await recordQuery(actor, { ...params(f), fiscalYear: f.fiscalYear ?? 2026 });
  const page = await listRecords(q, { limit: 500 });
  return { count: await countRecords(q), rows: page.rows };
}

describe('talent-grants report', () => {
  it('answers the questions for all institutions, and every figure matches its records', async () => {
    const r = await talentGrants(actors.national, params());
    expect(r.windowYears).toEqual([2017, 2026]);
    expect(r.totals.talent.n).toBe(EXPECTED.talent);
    expect(r.totals.aboveThreshold.n).toBe(EXPECTED.above);
    expect(r.totals.aboveTotalJpy).toBe(EXPECTED.aboveTotal);
    expect(r.totals.aboveLargestJpy).toBe(EXPECTED.aboveLargest);
    expect(r.totals.atGroup.n).toBe(EXPECTED.atGroup);
    expect(r.totals.onWatchlist.n).toBe(EXPECTED.onWatchlist);

    const alpha = r.byInstitution.find((i) => i.institutionId === w.a.id)!;
    const beta = r.byInstitution.find((i) => i.institutionId === w.b.id)!;
    expect([alpha.talent.n, alpha.aboveThreshold.n, alpha.atGroup.n, alpha.onWatchlist.n]).toEqual(Object.values(EXPECTED.alpha));
    expect([beta.talent.n, beta.aboveThreshold.n, beta.atGroup.n, beta.onWatchlist.n]).toEqual(Object.values(EXPECTED.beta));
    expect(alpha.aboveTotalJpy).toBe(110_000_000n);
    expect(beta.aboveLargestJpy).toBe(767_900_000n);

    const byEntry = Object.fromEntries(r.byGroupEntry.map((e) => [e.name, e.value.n]));
    expect(byEntry).toMatchObject({ 'Beihang University': 2, 'Beijing Institute of Technology': 1 });
    expect(r.byWatchlist.find((l) => l.code === w.list.code)?.value.n).toBe(EXPECTED.onWatchlist);

    // Every figure links to exactly the records it counts.
    const figures = [r.totals.talent, r.totals.aboveThreshold, r.totals.atGroup, r.totals.onWatchlist, ...r.byGroupEntry.map((e) => e.value)];
    for (const inst of r.byInstitution) figures.push(inst.talent, inst.aboveThreshold, inst.atGroup, inst.onWatchlist);
    for (const f of figures) {
      const behind = await records(actors.national, f.figure);
      expect(behind.count, JSON.stringify(f.figure)).toBe(f.n);
      expect(behind.rows.length).toBe(f.n);
    }
    const above = await records(actors.national, { talent: 'grants' });
    expect(above.rows.map((x) => x.grantTotalJpy).sort()).toEqual([110_000_000n, 767_900_000n]);
  });

  it('moves the window and the threshold with the parameters', async () => {
    // Eleven years reach back to FY2016: A3 then has 110M.
    const wide = await talentGrants(actors.national, params({ window: 11 }));
    expect(wide.totals.aboveThreshold.n).toBe(3);
    // Strictly above: at a threshold of 99,999,999 A2's exactly ¥100M counts.
    const lower = await talentGrants(actors.national, params({ threshold: 99_999_999n }));
    expect(lower.totals.aboveThreshold.n).toBe(3);
    // FY2025: only P1 (Alpha) took part.
    const past = await talentGrants(actors.national, params({ fiscalYear: 2025 }));
    expect(past.totals.talent.n).toBe(1);
  });

  it('an auditor of one institution sees only its figures and records', async () => {
    const r = await talentGrants(actors.auditorA, params());
    expect(r.byInstitution.map((i) => i.institutionId)).toEqual([w.a.id]);
    expect(r.totals.talent.n).toBe(EXPECTED.alpha.talent);
    expect(r.totals.aboveLargestJpy).toBe(110_000_000n);
    // Asking for the other institution's records, or narrowing the scope to it, finds nothing.
    expect((await records(actors.auditorA, { institution: w.b.id })).count).toBe(0);
    expect((await records(actors.auditorA, { institutionIds: [w.b.id] })).count).toBe(0);
    const all = await records(actors.auditorA, {});
    expect(all.rows.every((x) => x.institutionId === w.a.id)).toBe(true);
    expect(all.rows.some((x) => x.researcherName?.startsWith('Researcher A1'))).toBe(true);
    expect(await reportInstitutions(actors.auditorA)).toEqual([expect.objectContaining({ id: w.a.id })]);
  });

  it('is not found for anyone without an auditor role', async () => {
    for (const actor of [actors.officerA, actors.admin, actors.researcher]) {
      await expect(talentGrants(actor, params())).rejects.toBeInstanceOf(NotFoundError);
      await expect(recordQuery(actor, { ...params(), fiscalYear: 2026 })).rejects.toBeInstanceOf(NotFoundError);
      await expect(overview(actor, params())).rejects.toBeInstanceOf(NotFoundError);
    }
  });
});

describe('publication variant', () => {
  it('withholds counts below the minimum, the amounts resting on them, and every name', async () => {
    const r = await talentGrants(actors.national, params({ publication: true }));
    expect(r.totals.talent).toMatchObject({ n: 7, suppressed: false });
    expect(r.totals.aboveThreshold).toMatchObject({ n: null, suppressed: true });
    expect(r.totals.aboveTotalJpy).toBeNull();
    expect(r.totals.aboveLargestJpy).toBeNull();
    expect(r.byInstitution.every((i) => i.talent.suppressed)).toBe(true); // 4 and 3, both below 5
    expect(JSON.stringify(r, (_, v) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain('877900000');

    const q = await recordQuery(actors.national, { ...params({ publication: true }), fiscalYear: 2026 });
    expect(q.columns.map((c) => c.key)).not.toContain('researcherName');
    const page = await listRecords(q);
    expect(page.rows.every((x) => x.researcherName === null && x.eradNumber === null)).toBe(true);
  });

  it('uses the configured minimum', async () => {
    await db.setting.upsert({ where: { key: PUBLICATION_MINIMUM_KEY }, create: { key: PUBLICATION_MINIMUM_KEY, value: 3 }, update: { value: 3 } });
    try {
      const r = await talentGrants(actors.national, params({ publication: true }));
      const alpha = r.byInstitution.find((i) => i.institutionId === w.a.id)!;
      const beta = r.byInstitution.find((i) => i.institutionId === w.b.id)!;
      expect(alpha.talent.n).toBe(4);
      expect(beta.talent.n).toBe(3);
      expect(r.totals.aboveThreshold.suppressed).toBe(true); // 2 < 3
    } finally {
      await db.setting.delete({ where: { key: PUBLICATION_MINIMUM_KEY } });
    }
  });
});

describe('overview, breakdowns and trends', () => {
  it('counts by status, severity and institution, each matching its records', async () => {
    const o = await overview(actors.national, params());
    expect(o.total.n).toBe(8); // eight submitted in FY2026; the draft is its researcher's alone
    const status = Object.fromEntries(o.byStatus.map((s) => [s.status, s.value.n]));
    expect(status).toMatchObject({ DRAFT: 0, SUBMITTED: 3, UNDER_REVIEW: 1, APPROVED: 2, FLAGGED: 2 });
    const severity = Object.fromEntries(o.bySeverity.map((s) => [s.severity, s.value.n]));
    expect(severity).toMatchObject({ FLAG: 2, REVIEW: 1, INFO: 0, NONE: 5 });
    expect(o.flagged.n).toBe(2);
    expect(o.talent.n).toBe(EXPECTED.talent);
    for (const f of [o.total, o.submitted, o.flagged, ...o.byStatus.map((s) => s.value), ...o.bySeverity.map((s) => s.value)]) {
      expect((await records(actors.national, f.figure)).count, JSON.stringify(f.figure)).toBe(f.n);
    }
    for (const i of o.byInstitution) {
      for (const f of [i.total, i.submitted, i.approved, i.flagged, i.talent]) {
        expect((await records(actors.national, f.figure)).count).toBe(f.n);
      }
    }
  });

  it('breaks submitted disclosures down by country and programme', async () => {
    const b = await breakdowns(actors.national, params());
    expect(b.countries).toEqual([expect.objectContaining({ country: 'CN', value: expect.objectContaining({ n: 8 }) })]);
    const ttp = b.programmes.find((p) => p.name === 'Thousand Talents Plan')!;
    expect(ttp.value.n).toBe(6); // every talent researcher but B3
    expect((await records(actors.national, ttp.value.figure)).count).toBe(6);
    expect(b.rules).toEqual([]);
  });

  it('shows trends across cycles', async () => {
    const t = await trends(actors.national, params());
    expect(t.years.map((y) => [y.fiscalYear, y.total.n, y.talent.n])).toEqual([
      [2025, 1, 1],
      [2026, 8, 7],
    ]);
    const a = await trends(actors.auditorA, params());
    expect(a.years.map((y) => y.total.n)).toEqual([1, 5]);
  });
});

describe('record lists', () => {
  it('page with a keyset cursor through every record exactly once', async () => {
    const q = await recordQuery(actors.national, { ...params(), fiscalYear: 2026 });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listRecords(q, { cursor, limit: 3 });
      seen.push(...page.rows.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(8);
    expect(new Set(seen).size).toBe(8);
  });
});
