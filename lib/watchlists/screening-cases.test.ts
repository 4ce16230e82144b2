import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { screenOrganisation } from './screen';
import { NEGATIVE_CASES, POSITIVE_CASES } from './screening-cases';
import { seedWatchlists } from './seed';

// Every row of the labelled table (screening-cases.ts) through the screening entry point, against the
// seeded lists. bench/screening-quality.ts prints precision and recall over the same table.

beforeAll(async () => {
  // Every seeded list is in the repository (a missing file makes seedWatchlists throw).
  const outcomes = await db.$transaction((tx) => seedWatchlists(tx), { timeout: 120_000 });
  expect(outcomes.every((o) => o.result.added > 0)).toBe(true);
});

const found = async (query: string) => (await screenOrganisation(query)).map((m) => `${m.watchlist.code}: ${m.entry.name}`);

describe('names that must reach a listed entry', () => {
  it('has tens of cases', () => expect(POSITIVE_CASES.length).toBeGreaterThan(50));
  it.each(POSITIVE_CASES.map((c) => [c.class, c.query, c.expect] as const))('%s: %s', async (_class, query, expected) => {
    expect(await found(query)).toEqual(expect.arrayContaining([...expected]));
  });
});

describe('names that must stay apart', () => {
  it('has tens of cases', () => expect(NEGATIVE_CASES.length).toBeGreaterThan(40));
  it.each(NEGATIVE_CASES.map((c) => [c.class, c.query, c.reject] as const))('%s: %s', async (_class, query, rejected) => {
    const matches = await found(query);
    if (rejected.length === 0) expect(matches).toEqual([]);
    else for (const r of rejected) expect(matches).not.toContain(r);
  });
});
