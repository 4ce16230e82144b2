// next-intl request configuration: the language is the user's choice (cookie) when they made one,
// otherwise the browser's Accept-Language.
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { JAPAN_TIME_ZONE } from '@/lib/time/japan';
import { LOCALE_COOKIE, isLocale, negotiateLocale } from './config';
import { messagesFor } from './messages';

export default getRequestConfig(async () => {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  const locale = isLocale(chosen) ? chosen : negotiateLocale((await headers()).get('accept-language'));
  return { locale, messages: messagesFor(locale), timeZone: JAPAN_TIME_ZONE };
});
