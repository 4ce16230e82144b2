// A person's language: chosen on their first sign-in from what their browser asked for (the language
// cookie of the switcher, else Accept-Language), changed by them later (the switcher or the account
// page, lib/account/locale-actions.ts), and used for every mail to them (lib/mail/render.ts mailLocale).
import 'server-only';
import { db } from '@/lib/db/client';
import { LOCALE_COOKIE, type Locale, isLocale, negotiateLocale } from '@/lib/i18n/config';
import { type HeaderSource, headerValue } from './request-info';

/** The language a request's browser asks for: the switcher's cookie when set, else Accept-Language. */
export function browserLocale(h: HeaderSource): Locale {
  const cookie = headerValue(h, 'cookie') ?? '';
  for (const part of cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    const value = rest.join('=');
    if (name === LOCALE_COOKIE && isLocale(value)) return value;
  }
  return negotiateLocale(headerValue(h, 'accept-language'));
}

/** On sign-in: a person without a language yet takes their browser's (one statement; a choice stays). */
export async function adoptBrowserLocale(userId: string, h: HeaderSource): Promise<void> {
  await db.user.updateMany({ where: { id: userId, locale: null }, data: { locale: browserLocale(h) } });
}
