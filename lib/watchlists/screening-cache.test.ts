import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { screenOrganisation, type ScreenOptions } from './screen';
import { revisionStamp, screeningIndex } from './screening-cache';

// The compiled index follows the list revision that PostgreSQL keeps: any write to a list or an entry,
// in any process, changes the stamp in the same transaction; a rolled-back change is never served.

let watchlistId = '';

beforeAll(async () => {
  const w = await db.watchlist.create({
    data: { code: `cache-test-${Date.now()}`, nameJa: 'テスト', nameEn: 'Cache test list', source: 'test', isSample: true },
  });
  watchlistId = w.id;
});

const entry = (reference: string, name: string) => ({ watchlistId, reference, name, searchText: '' });
const names = async (q: string, tx?: ScreenOptions['tx']) =>
  (await screenOrganisation(q, { tx })).map((m) => m.entry.name);

describe('screening index per list revision', () => {
  it('reuses the index while the lists do not change, and recompiles after an edit', async () => {
    const before = await revisionStamp(db);
    const first = await screeningIndex(db);
    expect(await screeningIndex(db)).toBe(first);
    expect(await revisionStamp(db)).toBe(before);

    await db.watchlistEntry.create({ data: entry('R1', 'Quorvex Photonics Institute') });
    expect(await revisionStamp(db)).not.toBe(before);
    expect(await names('Quorvex Photonics Inst.')).toEqual(['Quorvex Photonics Institute']);
    expect(await screeningIndex(db)).not.toBe(first);

    await db.watchlistEntry.update({ where: { watchlistId_reference: { watchlistId, reference: 'R1' } }, data: { retiredAt: new Date() } });
    expect(await names('Quorvex Photonics Institute')).toEqual([]);
  });

  it('screens an uncommitted change inside its transaction, and forgets it after a rollback', async () => {
    await expect(
      db.$transaction(async (tx) => {
        await tx.watchlistEntry.create({ data: entry('R2', 'Zelbrin Acoustics Laboratory') });
        expect(await names('Zelbrin Acoustics Laboratory', tx)).toEqual(['Zelbrin Acoustics Laboratory']);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await names('Zelbrin Acoustics Laboratory')).toEqual([]);
  });

  it('screens an entry retired in the future until that moment', async () => {
    await db.watchlistEntry.create({ data: { ...entry('R3', 'Trenvald Cryogenics Centre'), retiredAt: new Date(Date.now() + 60_000) } });
    expect(await names('Trenvald Cryogenics Center')).toEqual(['Trenvald Cryogenics Centre']);
  });
});
