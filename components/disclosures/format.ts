// Values of a disclosure as text, for the read-only summary, the version diff and anything else that
// shows content: amounts with their yen equivalent, organisations with their local name and country,
// options by their label, dates and countries in the reader's language.
import { type FieldPath, type OptionField, fieldOptions, optionLabelKey } from '@/lib/disclosures/labels';
import { obligationKeys } from '@/lib/disclosures/programmes';
import { type CurrencyCode, formatMoney, isCurrencyCode, toJpy } from '@/lib/money';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type FormatContext = {
  t: Translate;
  locale: string;
  /** JPY per unit by currency (the cycle's table), for the yen equivalent of amounts. */
  rates?: Record<string, string>;
  /** Names of attachments by id, for contract references. */
  attachmentNames?: Record<string, string>;
  /** Names of departments by id. */
  departmentNames?: Record<string, string>;
  /** Organisation names in the reader's language, by localNameKey (lib/disclosures/local-names.ts). */
  localNames?: Record<string, string>;
};

/** The name to show for an organisation reference: the reader's-language one where known, else as written. */
export function organisationName(ref: { entityId?: unknown; name?: unknown }, ctx: Pick<FormatContext, 'localNames'>): string {
  const key = typeof ref.entityId === 'string' && ref.entityId ? `entity:${ref.entityId}` : `name:${String(ref.name ?? '').trim()}`;
  return ctx.localNames?.[key] ?? String(ref.name ?? '');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return Object.values(value).every(isEmptyValue);
  return false;
}

export function formatAmount(value: { amountMinor?: unknown; currency?: unknown }, ctx: FormatContext): string {
  const { amountMinor, currency } = value;
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) return typeof amountMinor === 'number' ? String(amountMinor) : '';
  if (typeof amountMinor !== 'number') return currency;
  const code: CurrencyCode = currency;
  const text = formatMoney({ amountMinor, currency: code }, ctx.locale);
  if (code === 'JPY') return text;
  const rate = ctx.rates?.[code];
  if (!rate) return text;
  const jpy = formatMoney({ amountMinor: toJpy({ amountMinor, currency: code }, rate), currency: 'JPY' }, ctx.locale);
  return ctx.t('filing.money.withJpy', { amount: text, jpy });
}

function formatDate(value: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

function regionName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatValue(path: FieldPath, value: unknown, ctx: FormatContext): string {
  const { t, locale } = ctx;
  if (isEmptyValue(value)) return t('disclosure.common.none');
  const field = path.split('.')[1] ?? '';
  if (typeof value === 'boolean') {
    if (field === 'nothingToDisclose') return value ? t('filing.summary.nothingToDisclose') : t('disclosure.common.no');
    return value ? t('disclosure.common.yes') : t('disclosure.common.no');
  }
  if (path in fieldOptions && typeof value === 'string') return t(optionLabelKey(path as OptionField, value as never));
  if (field === 'obligations' && isObject(value)) {
    return obligationKeys
      .map((key) => {
        const answer = value[key];
        const text = answer === true ? t('disclosure.common.yes') : answer === false ? t('disclosure.common.no') : t('disclosure.common.none');
        return `${t(optionLabelKey('programmes.obligations', key))} ${text}`;
      })
      .join('\n');
  }
  if (field === 'timeCommitment' && isObject(value)) {
    const amount = typeof value.value === 'number' ? value.value : '';
    return value.unit === 'PERSON_MONTHS'
      ? t('filing.summary.personMonths', { value: String(amount) })
      : t('filing.summary.percent', { value: String(amount) });
  }
  if (field === 'personMonthsPerYear' && Array.isArray(value)) {
    return value
      .map((row) => (isObject(row) ? t('filing.summary.yearRow', { year: String(row.year ?? ''), value: String(row.personMonths ?? '') }) : ''))
      .join('\n');
  }
  if (field === 'contractAttachmentIds' && Array.isArray(value)) {
    return value.map((id) => ctx.attachmentNames?.[String(id)] ?? t('filing.summary.unknownAttachment')).join('\n');
  }
  if (field === 'departmentId' && typeof value === 'string') return ctx.departmentNames?.[value] ?? value;
  if (field === 'destinationCountry' && typeof value === 'string') return regionName(value, locale);
  if (field === 'equityPercent' && typeof value === 'number') return `${value}%`;
  if (isObject(value) && ('amountMinor' in value || 'currency' in value)) return formatAmount(value, ctx);
  if (isObject(value) && ('name' in value || 'country' in value || 'entityId' in value)) {
    const shown = organisationName(value, ctx);
    const written = String(value.name ?? '');
    const local = value.nameLocal && value.nameLocal !== value.name && value.nameLocal !== shown ? String(value.nameLocal) : '';
    const base = shown !== written && written ? t('localNames.writtenAs', { name: shown, written }) : written;
    const name = `${base}${local ? (locale === 'ja' ? `（${local}）` : ` (${local})`) : ''}`;
    const country = typeof value.country === 'string' ? regionName(value.country, locale) : '';
    const registry = value.entityId ? ` · ${t('filing.summary.inRegistry')}` : '';
    return [name, country].filter(Boolean).join(', ') + registry;
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value, locale);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/** A short name for an item: its organisation and title, or what best identifies it. */
export function itemSummary(section: string, item: Record<string, unknown> | undefined, ctx: FormatContext): string {
  if (!item) return '';
  const org = (v: unknown) => (isObject(v) && typeof v.name === 'string' ? organisationName(v, ctx) : '');
  switch (section) {
    case 'appointments':
      return [org(item.organisation), item.title].filter(Boolean).join(' — ');
    case 'programmes':
      return [org(item.programme), org(item.sponsor)].filter(Boolean).join(' / ');
    case 'support':
      return String(item.title ?? '');
    case 'gifts':
      return [typeof item.kind === 'string' ? ctx.t(optionLabelKey('gifts.kind', item.kind as never)) : '', org(item.source)].filter(Boolean).join(' — ');
    case 'interests':
      return [typeof item.kind === 'string' ? ctx.t(optionLabelKey('interests.kind', item.kind as never)) : '', org(item.organisation)].filter(Boolean).join(' — ');
    case 'travel':
      return [org(item.sponsor), typeof item.startDate === 'string' ? formatDate(item.startDate, ctx.locale) : ''].filter(Boolean).join(' — ');
    default:
      return '';
  }
}
