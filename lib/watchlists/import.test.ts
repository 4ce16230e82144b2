import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { importWatchlist, WatchlistImportError, type ImportWatchlistInput } from './import';
import { WatchlistFormatError } from './layouts/types';
import { normalizeName } from './normalize';

const PUBLIC_LISTS = path.resolve(import.meta.dirname, 'public-lists');
const publicList = (f: string) => readFileSync(path.join(PUBLIC_LISTS, f), 'utf8');
const day = (s: string) => new Date(`${s}T00:00:00Z`);

function run(input: ImportWatchlistInput) {
  return db.$transaction((tx) => importWatchlist(tx, input), { timeout: 60_000 });
}

function newList(code: string) {
  return { code: `${code}-${randomUUID().slice(0, 8)}`, nameEn: code, nameJa: code, source: 'test' };
}

describe('importing the Section 1286 copy', () => {
  it('adds one entry per institution, retired where the listing ended, and re-importing changes nothing', async () => {
    const actorId = randomUUID();
    const first = await run({
      create: newList('s1286'),
      fileName: 'us-dod-section-1286.csv',
      csvText: publicList('us-dod-section-1286.csv'),
      editionDate: day('2026-08-20'),
      actorId,
      isSample: true,
    });
    expect(first).toMatchObject({ layout: 'us-section-1286', added: 155, updated: 0, retired: 0, unchanged: 0, rejected: [] });

    const entries = await db.watchlistEntry.findMany({ where: { watchlistId: first.watchlistId } });
    expect(entries).toHaveLength(155);
    expect(entries.filter((e) => e.retiredAt).map((e) => e.name).sort()).toEqual([
      'Institute of High Energy Physics',
      'Mabna Institute',
      'Moscow Order of the Red Banner of Labor Research Radio Engineering Institute JSC',
      'Naval Service Academy',
    ]);
    const beihang = entries.find((e) => e.name === 'Beihang University');
    expect(beihang?.searchText.split('\n')).toEqual(['beihang univ', 'beijing univ aeronautics astronautics', 'buaa']);
    expect(beihang?.retiredAt).toBeNull();
    expect(entries.find((e) => e.name === 'Mabna Institute')?.retiredAt).toEqual(day('2026-07-23'));

    const watchlist = await db.watchlist.findUniqueOrThrow({ where: { id: first.watchlistId } });
    expect(watchlist).toMatchObject({ isSample: true, editionDate: day('2026-08-20') });

    const again = await run({
      watchlistId: first.watchlistId,
      fileName: 'us-dod-section-1286.csv',
      csvText: publicList('us-dod-section-1286.csv'),
      editionDate: day('2026-08-20'),
      actorId,
      isSample: true,
    });
    expect(again).toMatchObject({ added: 0, updated: 0, retired: 0, relisted: 0, unchanged: 155 });
    const after = await db.watchlistEntry.findMany({ where: { watchlistId: first.watchlistId } });
    expect(after.map((e) => [e.id, e.updatedAt.getTime(), e.retiredAt?.getTime()]).sort()).toEqual(
      entries.map((e) => [e.id, e.updatedAt.getTime(), e.retiredAt?.getTime()]).sort(),
    );

    const imports = await db.watchlistImport.findMany({ where: { watchlistId: first.watchlistId }, orderBy: { createdAt: 'asc' } });
    expect(imports.map((i) => [i.layout, i.added, i.updated, i.retired, i.rejected, i.importedById])).toEqual([
      ['us-section-1286', 155, 0, 0, 0, actorId],
      ['us-section-1286', 0, 0, 0, 0, actorId],
    ]);
  });

  it('imports the talent programmes file as six entries', async () => {
    const r = await run({
      create: newList('talent'),
      fileName: 'us-dod-section-1286-talent-programmes.csv',
      csvText: publicList('us-dod-section-1286-talent-programmes.csv'),
      editionDate: day('2026-08-22'),
      actorId: null,
      isSample: true,
    });
    expect(r).toMatchObject({ added: 6, retired: 0, rejected: [] });
  });
});

describe('editions of the METI End User List', () => {
  const original = publicList('jp-meti-end-user-list.csv');
  const lines = original.split('\r\n').filter(Boolean);

  /** A later edition: one entry removed, one added at the top, every EUL number shifted by one. */
  function nextEdition(): string {
    const shifted = lines
      .filter((l) => !l.includes('"EUL321"'))
      .map((l) => l.replace(/"EUL(\d+)"/, (_, n: string) => `"EUL${Number(n) + 1}"`));
    return ['"NEW EXAMPLE TRADING CO. (新例貿易会社)","EUL1","EUL"', ...shifted].join('\r\n') + '\r\n';
  }

  it('retires a missing entry, adds a new one, and is not fooled by shifted EUL numbers', async () => {
    const create = newList('meti');
    const first = await run({ create, fileName: 'eul-2024.csv', csvText: original, editionDate: day('2024-03-29'), actorId: null, isSample: true });
    expect(first).toMatchObject({ layout: 'meti-eul-flat', added: 706, updated: 0, retired: 0, rejected: [] });
    const ragwon = await db.watchlistEntry.findFirstOrThrow({ where: { watchlistId: first.watchlistId, name: 'KOREA RAGWON DEPARTMENT' } });

    const second = await run({ watchlistId: first.watchlistId, fileName: 'eul-2025.csv', csvText: nextEdition(), editionDate: day('2025-01-10'), actorId: null, isSample: true });
    expect(second).toMatchObject({ added: 1, updated: 0, retired: 1, unchanged: 705 });
    expect(await db.watchlistEntry.findUniqueOrThrow({ where: { id: ragwon.id } })).toMatchObject({ retiredAt: day('2025-01-10') });
    expect(await db.watchlistEntry.count({ where: { watchlistId: first.watchlistId } })).toBe(707); // never deleted

    // The edition after re-lists it: same row, un-retired; the entry only in the second edition retires.
    const third = await run({ watchlistId: first.watchlistId, fileName: 'eul-2026.csv', csvText: original, editionDate: day('2026-02-01'), actorId: null, isSample: true });
    expect(third).toMatchObject({ added: 0, updated: 1, relisted: 1, retired: 1, unchanged: 705 });
    expect(await db.watchlistEntry.findUniqueOrThrow({ where: { id: ragwon.id } })).toMatchObject({ retiredAt: null });
    const example = await db.watchlistEntry.findFirstOrThrow({ where: { watchlistId: first.watchlistId, name: 'NEW EXAMPLE TRADING CO.' } });
    expect(example).toMatchObject({ nameJa: '新例貿易会社', retiredAt: day('2026-02-01') });
  });

  it('counts an entry whose names changed as updated', async () => {
    const first = await run({ create: newList('meti'), fileName: 'a.csv', csvText: original, editionDate: null, actorId: null, isSample: true });
    const edited = original.replace('"KOREA RAKWON DEPARTMENT","EUL321","EUL"', '"KOREA RAKWON DEPARTMENT STORE","EUL321","EUL"');
    expect(edited).not.toBe(original);
    const r = await run({ watchlistId: first.watchlistId, fileName: 'b.csv', csvText: edited, editionDate: null, actorId: null, isSample: true });
    expect(r).toMatchObject({ added: 0, updated: 1, retired: 0 });
    const entry = await db.watchlistEntry.findFirstOrThrow({ where: { watchlistId: first.watchlistId, name: 'KOREA RAGWON DEPARTMENT' } });
    expect(entry.aliases).toEqual(['KOREA RAKWON DEPARTMENT STORE']);
    expect(entry.searchText).toContain(normalizeName('KOREA RAKWON DEPARTMENT STORE'));
  });
});

describe('rejected rows and refused files', () => {
  const csv = [
    'reference,name,name_ja,aliases,country,concern',
    'K-1,Example Institute of Technology,例工科大学,EIT;Example Tech,JP,test',
    'K-2,,,,,',
    'K-3,Atlantis University,,,Atlantis,',
  ].join('\n');

  it('imports the good rows, returns the rejected ones with reasons and records the count', async () => {
    const r = await run({ create: { ...newList('generic'), kind: 'GROUP' }, fileName: 'mine.csv', csvText: csv, editionDate: day('2026-11-01'), actorId: null, isSample: false });
    expect(r).toMatchObject({ layout: 'generic', added: 1 });
    expect(r.rejected).toEqual([
      { line: 3, reason: 'missing name' },
      { line: 4, reason: "unknown country 'Atlantis'" },
    ]);
    const record = await db.watchlistImport.findUniqueOrThrow({ where: { id: r.importId } });
    expect(record).toMatchObject({ rejected: 2, added: 1, fileName: 'mine.csv', layout: 'generic' });
    expect((await db.watchlist.findUniqueOrThrow({ where: { id: r.watchlistId } })).kind).toBe('GROUP');
  });

  it('refuses a file with no usable entry instead of retiring the whole list', async () => {
    const r = await run({ create: newList('generic'), fileName: 'ok.csv', csvText: csv, editionDate: day('2026-11-01'), actorId: null, isSample: false });
    const empty = 'reference,name,name_ja,aliases,country,concern\nK-9,,,,,\n';
    await expect(run({ watchlistId: r.watchlistId, fileName: 'bad.csv', csvText: empty, editionDate: day('2026-11-02'), actorId: null, isSample: false })).rejects.toThrow(WatchlistFormatError);
    expect(await db.watchlistEntry.count({ where: { watchlistId: r.watchlistId, retiredAt: null } })).toBe(1);
    expect(await db.watchlistImport.count({ where: { watchlistId: r.watchlistId } })).toBe(1);
  });

  it('refuses an edition older than the one imported', async () => {
    const r = await run({ create: newList('generic'), fileName: 'ok.csv', csvText: csv, editionDate: day('2026-11-01'), actorId: null, isSample: false });
    await expect(run({ watchlistId: r.watchlistId, fileName: 'old.csv', csvText: csv, editionDate: day('2025-01-01'), actorId: null, isSample: false })).rejects.toThrow(WatchlistImportError);
  });
});
