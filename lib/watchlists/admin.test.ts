// The administrator's side of watchlists: importing a sample file as a new list (audited, re-evaluation
// queued), a newer edition retiring what it no longer lists, refusals with the reason, the entries
// browser's multilingual search and the list overview's counts. Matching itself is tested in
// screen.test.ts and match.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { auditEvents, makeActor } from '@/test/helpers/actors';
import { importWatchlistFile, listWatchlists, watchlistByCode } from './admin';

const origin = { ip: '10.0.0.1', userAgent: 'vitest' };
const sample = readFileSync(path.resolve(import.meta.dirname, 'samples/meti-eul.sample.csv'), 'utf8');
const newList = (o: Record<string, unknown> = {}) => ({
  target: 'new' as const,
  code: 'meti-eul-test',
  kind: 'WATCHLIST' as const,
  nameJa: '外国ユーザーリスト（テスト）',
  nameEn: 'End User List (test)',
  source: 'METI (sample)',
  sourceUrl: 'https://www.meti.go.jp/policy/anpo/law05.html',
  editionDate: '2026-01-15',
  isSample: true,
  fileName: 'meti-eul.sample.csv',
  csvText: sample,
  ...o,
});

describe('importing a watchlist', () => {
  it('imports a new list, a newer edition retiring what it no longer lists, and refuses older editions and unknown layouts', async () => {
    const admin = await makeActor({ roles: [{ role: 'ADMIN', allInstitutions: true }] });
    const first = await importWatchlistFile(admin, newList(), origin);
    expect(first).toMatchObject({ code: 'meti-eul-test', layout: 'meti-eul', added: 6, updated: 0, retired: 0, rejectedCount: 0 });
    expect(first.taskId).toBeTruthy();
    const [event] = await auditEvents('watchlists.imported');
    expect(event).toMatchObject({ actorId: admin.userId, ip: '10.0.0.1', details: expect.objectContaining({ code: 'meti-eul-test', added: 6, layout: 'meti-eul', isSample: true }) });

    const list = await db.watchlist.findUniqueOrThrow({ where: { code: 'meti-eul-test' } });
    const again = await importWatchlistFile(admin, { ...newList(), target: 'existing', watchlistId: list.id }, origin);
    expect(again).toMatchObject({ added: 0, updated: 0, retired: 0, unchanged: 6, taskId: null });

    // The next edition drops Pakistan's entry and has one unreadable row.
    const next = sample.replace(/^6,Pakistan.*$/m, '7,Atlantis,Lost Company,,B');
    const edition2 = await importWatchlistFile(admin, { ...newList(), target: 'existing', watchlistId: list.id, editionDate: '2026-06-01' }, origin);
    expect(edition2.retired).toBe(0);
    const changed = await importWatchlistFile(admin, { ...newList({ csvText: next }), target: 'existing', watchlistId: list.id, editionDate: '2026-07-01' }, origin);
    expect(changed).toMatchObject({ added: 0, retired: 1, rejectedCount: 1, rejected: [{ line: 13, reason: "unknown country 'Atlantis'" }] });
    const overview = (await listWatchlists()).find((l) => l.code === 'meti-eul-test');
    expect(overview).toMatchObject({ active: 5, retired: 1, isSample: true, source: 'METI (sample)' });

    await expect(importWatchlistFile(admin, { ...newList(), target: 'existing', watchlistId: list.id, editionDate: '2025-01-01' }, origin)).rejects.toMatchObject({
      key: 'watchlists.errors.older',
    });
    await expect(importWatchlistFile(admin, newList({ code: 'other-list', csvText: 'a,b\n1,2\n' }), origin)).rejects.toMatchObject({
      key: 'watchlists.errors.format',
    });
    await expect(importWatchlistFile(admin, newList(), origin)).rejects.toMatchObject({ fieldErrors: { code: ['watchlists.errors.codeTaken'] } });
  });
});

describe('the entries browser', () => {
  it('finds entries by any name in any script, and pages through them', async () => {
    const admin = await makeActor({ roles: [{ role: 'ADMIN', allInstitutions: true }] });
    await importWatchlistFile(admin, newList({ code: 'browse-test' }), origin);
    const names = async (q: string) => (await watchlistByCode('browse-test', { q }))!.entries.map((e) => e.name);
    expect(await names('北京航空航天大學')).toEqual(['Beijing University of Aeronautics and Astronautics']); // traditional script
    expect(await names('ＢＵＡＡ')).toEqual(['Beijing University of Aeronautics and Astronautics']); // full-width
    expect(await names('harbin')).toEqual(['Harbin Institute of Technology']);
    const all = await watchlistByCode('browse-test');
    expect(all).toMatchObject({ total: 6, page: 1, pages: 1 });
    expect(all!.list.imports).toHaveLength(1);
    expect(await watchlistByCode('no-such-list')).toBeNull();
  });
});
