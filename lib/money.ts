// Money is an integer count of minor units beside an ISO 4217 code, never a float. Parsing, conversion and
// formatting go through BigInt and decimal strings, so amounts beyond 2^53 minor units stay exact.

/**
 * ISO 4217 minor-unit exponents (the standard's, not CLDR's display digits: ISO gives IDR and HUF two
 * decimals even where nobody writes them). Ordered by how often researchers meet them, then by region.
 */
const exponents = {
  JPY: 0, USD: 2, EUR: 2, CNY: 2, GBP: 2, KRW: 0, TWD: 2, HKD: 2, MOP: 2, SGD: 2, AUD: 2, NZD: 2,
  CAD: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, ISK: 0, PLN: 2, CZK: 2, HUF: 2, RON: 2, RSD: 2, RUB: 2,
  BYN: 2, UAH: 2, GEL: 2, AMD: 2, AZN: 2, TRY: 2, ILS: 2, SAR: 2, AED: 2, QAR: 2, KWD: 3, BHD: 3,
  OMR: 3, JOD: 3, IQD: 3, IRR: 2, EGP: 2, LYD: 3, TND: 3, MAD: 2, ZAR: 2, NGN: 2, KES: 2, UGX: 0,
  XAF: 0, XOF: 0, INR: 2, PKR: 2, BDT: 2, LKR: 2, NPR: 2, IDR: 2, MYR: 2, THB: 2, PHP: 2, VND: 0,
  KHR: 2, LAK: 2, MMK: 2, BND: 2, MNT: 2, KZT: 2, UZS: 2, KPW: 2, FJD: 2, PGK: 2, BRL: 2, MXN: 2,
  ARS: 2, CLP: 0, COP: 2, PEN: 2, PYG: 0,
} as const satisfies Record<string, 0 | 2 | 3>;

export type CurrencyCode = keyof typeof exponents;
export type Money = { amountMinor: number; currency: CurrencyCode };

/** Every supported code, most used first (the order of a currency picker). */
export const currencyCodes = Object.keys(exponents) as [CurrencyCode, ...CurrencyCode[]];

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.hasOwn(exponents, code);
}

export function currencyExponent(currency: CurrencyCode): number {
  return exponents[currency];
}

/** The catalog keys `parseAmount` can answer with; the UI passes `params` to the message. */
export const amountErrorKeys = {
  amountInvalid: 'validation.amountInvalid',
  amountTooManyDecimals: 'validation.amountTooManyDecimals',
  amountTooLarge: 'validation.amountTooLarge',
} as const;

export type ParseAmountResult =
  | { ok: true; amountMinor: number }
  | {
      ok: false;
      error: (typeof amountErrorKeys)[keyof typeof amountErrorKeys];
      params?: Record<string, string | number>;
    };

const grouped = /^\d{1,3}(,\d{3})+$/;

/**
 * Reads an amount as people type it: "1,234.5", "１，２３４．５", "1234". NFKC folds full-width digits and
 * punctuation to ASCII. Thousands separators must group by three; a minus sign, an exponent or more
 * decimals than the currency has are refused, so nothing is silently rounded.
 */
export function parseAmount(input: string, currency: CurrencyCode): ParseAmountResult {
  const text = input.normalize('NFKC').replace(/\s+/g, '');
  const match = /^([\d,]+)(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (!match) return { ok: false, error: amountErrorKeys.amountInvalid };
  const whole = match[1] ?? '';
  const fraction = match[2] ?? '';
  if (whole.includes(',') && !grouped.test(whole)) return { ok: false, error: amountErrorKeys.amountInvalid };
  const digits = currencyExponent(currency);
  // Trailing zeros carry no value ("1.50" USD, "100.0" JPY), so only significant decimals count.
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) {
    return { ok: false, error: amountErrorKeys.amountTooManyDecimals, params: { currency, digits } };
  }
  const minor = BigInt((whole.replaceAll(',', '') || '0') + significant.padEnd(digits, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: amountErrorKeys.amountTooLarge };
  return { ok: true, amountMinor: Number(minor) };
}

function toBigInt(amountMinor: number | bigint): bigint {
  if (typeof amountMinor === 'bigint') return amountMinor;
  if (!Number.isSafeInteger(amountMinor)) throw new RangeError(`Not a safe integer amount: ${amountMinor}`);
  return BigInt(amountMinor);
}

/** "123450" minor units of USD → "1234.50": the exact decimal, for inputs and for Intl. */
export function toDecimalString(amountMinor: number | bigint, currency: CurrencyCode): string {
  const minor = toBigInt(amountMinor);
  const digits = currencyExponent(currency);
  const sign = minor < 0n ? '-' : '';
  const abs = (minor < 0n ? -minor : minor).toString().padStart(digits + 1, '0');
  if (digits === 0) return sign + abs;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

/** Localised display, e.g. "$1,234.50" (en) or "￥1,234" (ja), always with the currency's ISO decimals. */
export function formatMoney(
  money: { amountMinor: number | bigint; currency: CurrencyCode },
  locale: string,
  display: 'symbol' | 'code' | 'name' = 'symbol',
): string {
  const digits = currencyExponent(money.currency);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    currencyDisplay: display,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(toDecimalString(money.amountMinor, money.currency) as Intl.StringNumericLiteral);
}

/** A rate as stored (PostgreSQL numeric, Prisma `Decimal#toFixed()`): "151.2345" → 1512345 / 10^4. */
function parseRate(rate: string): { units: bigint; scale: number } {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (!match) throw new RangeError(`Not a decimal exchange rate: "${rate}"`);
  const fraction = match[2] ?? '';
  const units = BigInt((match[1] ?? '') + fraction);
  if (units === 0n) throw new RangeError('An exchange rate must be greater than zero');
  return { units, scale: fraction.length };
}

/**
 * Converts to whole yen with a JPY-per-unit rate given as a decimal string, rounding half up. JPY amounts
 * pass through unchanged (no rate needed); any other currency without a rate is an error, because a
 * silent zero would hide an amount from the thresholds that depend on it.
 */
export function toJpy(
  money: { amountMinor: number | bigint; currency: CurrencyCode },
  jpyPerUnit?: string | null,
): bigint {
  const minor = toBigInt(money.amountMinor);
  if (minor < 0n) throw new RangeError('Amounts are never negative');
  if (money.currency === 'JPY') return minor;
  if (jpyPerUnit == null) throw new RangeError(`No JPY rate given for ${money.currency}`);
  const { units, scale } = parseRate(jpyPerUnit);
  const denominator = 10n ** BigInt(currencyExponent(money.currency) + scale);
  return (minor * units * 2n + denominator) / (2n * denominator);
}
