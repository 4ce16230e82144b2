'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { currentActor } from '@/lib/auth/actor';
import { db } from '@/lib/db/client';
import { LOCALES, LOCALE_COOKIE } from '@/lib/i18n/config';

const input = z.enum(LOCALES);

/** Switches the interface language; remembered in a cookie, and on the account when signed in. */
export async function setLocale(raw: string): Promise<void> {
  const locale = input.parse(raw);
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: true });
  const actor = await currentActor();
  if (actor) await db.user.update({ where: { id: actor.userId }, data: { locale } });
}
