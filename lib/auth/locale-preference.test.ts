// A person's language: taken from the browser at the first sign-in only; a choice made stays.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { makeActor } from '@/test/helpers/actors';
import { adoptBrowserLocale, browserLocale } from './locale-preference';

describe('the language preference', () => {
  it('reads the switcher’s cookie first, then Accept-Language', () => {
    expect(browserLocale({ cookie: 'a=1; KAIJI_LOCALE=en; b=2', 'accept-language': 'ja-JP,ja;q=0.9' })).toBe('en');
    expect(browserLocale(new Headers({ 'accept-language': 'en-GB,en;q=0.9,ja;q=0.5' }))).toBe('en');
    expect(browserLocale({ cookie: 'KAIJI_LOCALE=xx', 'accept-language': 'fr-FR' })).toBe('ja');
    expect(browserLocale(undefined)).toBe('ja');
  });

  it('is set from the browser at the first sign-in and never overwritten by a later one', async () => {
    const me = await makeActor();
    await db.user.update({ where: { id: me.userId }, data: { locale: null } });
    await adoptBrowserLocale(me.userId, { 'accept-language': 'en-US,en;q=0.9' });
    expect((await db.user.findUniqueOrThrow({ where: { id: me.userId } })).locale).toBe('en');
    await adoptBrowserLocale(me.userId, { 'accept-language': 'ja' });
    expect((await db.user.findUniqueOrThrow({ where: { id: me.userId } })).locale).toBe('en');
  });
});
