// Names in the reader's language: the registry's for an organisation picked from it, else the
// cross-language aliases' (no database needed for those), never a change when it is already so written.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { localNameKey, localNames } from './local-names';

const item = (programme: Record<string, unknown>) => ({ programmes: { nothingToDisclose: false, items: [{ id: randomUUID(), programme }] } });

describe('localNames', () => {
  it('takes the registry’s name in the reader’s language for an organisation picked from it', async () => {
    const e = await db.foreignEntity.create({
      data: { type: 'TALENT_PROGRAMME', nameEn: `Test Talents Plan ${randomUUID().slice(0, 4)}`, nameJa: 'テスト人材計画', country: 'CN', searchText: 'x' },
    });
    const content = item({ entityId: e.id, name: e.nameEn, country: 'CN' });
    expect(await localNames(content, 'ja')).toEqual({ [localNameKey({ entityId: e.id })]: 'テスト人材計画' });
    // Written as the English name already: nothing to add in the English pages.
    expect(await localNames(content, 'en')).toEqual({});
  });

  it('falls back to the cross-language aliases for a name not picked from the registry', async () => {
    expect(await localNames(item({ name: 'Thousand Talents Plan', country: 'CN' }), 'ja')).toEqual({ 'name:Thousand Talents Plan': '千人計画' });
    expect(await localNames(item({ name: '千人计划', country: 'CN' }), 'en')).toEqual({ 'name:千人计划': 'Thousand Talents Plan' });
    expect(await localNames(item({ name: '千人計画', country: 'CN' }), 'ja')).toEqual({});
    expect(await localNames(item({ name: 'An Unknown Foundation', country: 'CN' }), 'ja')).toEqual({});
  });
});
