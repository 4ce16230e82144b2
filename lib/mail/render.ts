// Mail bodies come from the catalogs (messages/<locale>/mail.json), in the recipient's language.
import 'server-only';
import { createTranslator } from 'next-intl';
import { DEFAULT_LOCALE, type Locale, isLocale } from '@/lib/i18n/config';
import { messagesFor } from '@/lib/i18n/messages';
import { JAPAN_TIME_ZONE } from '@/lib/time/japan';

type Values = Record<string, string | number>;
export type MailText = (key: string, values?: Values) => string;

export function mailLocale(locale: string | null | undefined): Locale {
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

/** A translator over the `mail` namespace of the recipient's language. */
export function mailText(locale: string | null | undefined): MailText {
  const l = mailLocale(locale);
  const t = createTranslator({ locale: l, messages: messagesFor(l), timeZone: JAPAN_TIME_ZONE });
  return (key, values) => (t as unknown as (k: string, v?: Values) => string)(`mail.${key}`, values);
}

/** Subject and plain-text body of template `mail.<template>`, with the common signature. */
export function renderMail(locale: string | null | undefined, template: string, values: Values): { subject: string; text: string } {
  const t = mailText(locale);
  return { subject: t(`${template}.subject`, values), text: `${t(`${template}.body`, values)}\n\n-- \n${t('signature')}\n` };
}

/** "2026年4月1日 9:00" / "1 April 2026, 09:00" in Japan time, for expiry lines. */
export function mailDateTime(locale: string | null | undefined, d: Date): string {
  return new Intl.DateTimeFormat(mailLocale(locale) === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: JAPAN_TIME_ZONE,
  }).format(d) + (mailLocale(locale) === 'ja' ? '（日本時間）' : ' (Japan time)');
}
