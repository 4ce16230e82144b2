'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import type { ActionResult } from '@/lib/actions/action';
import { currentActor } from '@/lib/auth/actor';
import { db } from '@/lib/db/client';
import { LOCALES, LOCALE_COOKIE } from '@/lib/i18n/config';

const input = z.enum(LOCALES, { error: 'errors.invalidInput' });

/**
 * Switches the interface language; remembered in a cookie, and on the account when signed in. Public (the
 * sign-in page has the switcher), so an unknown language is a result, never a thrown error.
 */
export async function setLocale(raw: string): Promise<ActionResult<{ locale: string }>> {
  const parsed = input.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'errors.invalidInput' };
  const locale = parsed.data;
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: true });
  const actor = await currentActor();
  if (actor) await db.user.update({ where: { id: actor.userId }, data: { locale } });
  return { ok: true, data: { locale } };
}
