import { describe, expect, it } from 'vitest';
import {
  currencyCodes,
  currencyExponent,
  formatMoney,
  isCurrencyCode,
  parseAmount,
  toDecimalString,
  toJpy,
} from './money';

describe('currencies', () => {
  it('lists at least 40 ISO 4217 codes with their minor-unit exponents', () => {
    expect(currencyCodes.length).toBeGreaterThanOrEqual(40);
    expect(new Set(currencyCodes).size).toBe(currencyCodes.length);
    for (const code of currencyCodes) expect(code).toMatch(/^[A-Z]{3}$/);
    expect(currencyCodes.slice(0, 4)).toEqual(['JPY', 'USD', 'EUR', 'CNY']);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('CNY')).toBe(2);
    expect(currencyExponent('KWD')).toBe(3);
  });

  it('knows every code to Intl', () => {
    const supported = new Set(Intl.supportedValuesOf('currency'));
    expect(currencyCodes.filter((code) => !supported.has(code))).toEqual([]);
  });

  it('recognises codes exactly', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('XXX')).toBe(false);
    expect(isCurrencyCode('toString')).toBe(false);
  });
});

describe('parseAmount', () => {
  it('reads plain, grouped and decimal amounts into minor units', () => {
    expect(parseAmount('1234', 'JPY')).toEqual({ ok: true, amountMinor: 1234 });
    expect(parseAmount('1,234,567', 'JPY')).toEqual({ ok: true, amountMinor: 1_234_567 });
    expect(parseAmount('1,234.5', 'USD')).toEqual({ ok: true, amountMinor: 123_450 });
    expect(parseAmount('0.07', 'USD')).toEqual({ ok: true, amountMinor: 7 });
    expect(parseAmount('.5', 'EUR')).toEqual({ ok: true, amountMinor: 50 });
    expect(parseAmount(' 12 ', 'USD')).toEqual({ ok: true, amountMinor: 1200 });
    expect(parseAmount('1.234', 'KWD')).toEqual({ ok: true, amountMinor: 1234 });
  });

  it('accepts full-width digits, commas and point (IME input)', () => {
    expect(parseAmount('１２３，４５６', 'JPY')).toEqual({ ok: true, amountMinor: 123_456 });
    expect(parseAmount('１，０００．２５', 'USD')).toEqual({ ok: true, amountMinor: 100_025 });
    expect(parseAmount('　１０００　', 'JPY')).toEqual({ ok: true, amountMinor: 1000 });
  });

  it('ignores trailing zeros but refuses significant decimals the currency does not have', () => {
    expect(parseAmount('100.00', 'JPY')).toEqual({ ok: true, amountMinor: 100 });
    expect(parseAmount('1.50', 'USD')).toEqual({ ok: true, amountMinor: 150 });
    expect(parseAmount('100.5', 'JPY')).toEqual({
      ok: false,
      error: 'validation.amountTooManyDecimals',
      params: { currency: 'JPY', digits: 0 },
    });
    expect(parseAmount('1.005', 'USD')).toEqual({
      ok: false,
      error: 'validation.amountTooManyDecimals',
      params: { currency: 'USD', digits: 2 },
    });
  });

  it('refuses what is not an amount', () => {
    for (const input of ['', ' ', 'abc', '-5', '1e6', '12,34', '1,2345', '1.2.3', ',', '¥100', '1 000.5x']) {
      expect(parseAmount(input, 'USD'), input).toEqual({ ok: false, error: 'validation.amountInvalid' });
    }
  });

  it('keeps huge amounts exact up to the safe-integer limit and refuses beyond it', () => {
    expect(parseAmount('9,007,199,254,740,991', 'JPY')).toEqual({ ok: true, amountMinor: Number.MAX_SAFE_INTEGER });
    expect(parseAmount('90071992547409.91', 'USD')).toEqual({ ok: true, amountMinor: Number.MAX_SAFE_INTEGER });
    expect(parseAmount('9007199254740992', 'JPY')).toEqual({ ok: false, error: 'validation.amountTooLarge' });
    expect(parseAmount('90071992547409.92', 'USD')).toEqual({ ok: false, error: 'validation.amountTooLarge' });
  });
});

describe('toDecimalString and formatMoney', () => {
  it('renders minor units as an exact decimal', () => {
    expect(toDecimalString(123_450, 'USD')).toBe('1234.50');
    expect(toDecimalString(7, 'USD')).toBe('0.07');
    expect(toDecimalString(5, 'KWD')).toBe('0.005');
    expect(toDecimalString(1234, 'JPY')).toBe('1234');
    expect(toDecimalString(123_456_789_012_345_678_901n, 'USD')).toBe('1234567890123456789.01');
  });

  it('round-trips through parseAmount', () => {
    for (const [amountMinor, currency] of [[0, 'USD'], [1, 'KWD'], [99_999, 'EUR'], [Number.MAX_SAFE_INTEGER, 'CNY']] as const) {
      expect(parseAmount(toDecimalString(amountMinor, currency), currency)).toEqual({ ok: true, amountMinor });
    }
  });

  it('formats with the locale and always with the ISO decimals', () => {
    expect(formatMoney({ amountMinor: 123_450, currency: 'USD' }, 'en')).toBe('$1,234.50');
    expect(formatMoney({ amountMinor: 1_234_567, currency: 'JPY' }, 'ja')).toBe('￥1,234,567');
    expect(formatMoney({ amountMinor: 1_234_567, currency: 'JPY' }, 'en')).toBe('¥1,234,567');
    expect(formatMoney({ amountMinor: 100, currency: 'CNY' }, 'en', 'code')).toMatch(/^CNY\s1\.00$/);
    // CLDR shows IDR without decimals; ISO and the stored minor units have two.
    expect(formatMoney({ amountMinor: 150, currency: 'IDR' }, 'en')).toMatch(/1\.50$/);
  });

  it('formats amounts beyond 2^53 without losing digits', () => {
    expect(formatMoney({ amountMinor: 9_007_199_254_740_993n, currency: 'JPY' }, 'en')).toBe('¥9,007,199,254,740,993');
    expect(formatMoney({ amountMinor: 9_007_199_254_740_993n, currency: 'USD' }, 'en')).toBe('$90,071,992,547,409.93');
  });

  it('refuses amounts that are not safe integers', () => {
    expect(() => toDecimalString(1.5, 'USD')).toThrow(RangeError);
    expect(() => toDecimalString(2 ** 53, 'JPY')).toThrow(RangeError);
  });
});

describe('toJpy', () => {
  it('passes yen through without a rate', () => {
    expect(toJpy({ amountMinor: 1_000, currency: 'JPY' })).toBe(1_000n);
  });

  it('converts with a decimal rate and rounds half up', () => {
    // $1.00 × 151.2345 = ¥151.2345 → 151
    expect(toJpy({ amountMinor: 100, currency: 'USD' }, '151.2345')).toBe(151n);
    // $0.01 × 150 = ¥1.5 → 2 (half up), and $0.01 × 149.99999999 = ¥1.4999999999 → 1
    expect(toJpy({ amountMinor: 1, currency: 'USD' }, '150')).toBe(2n);
    expect(toJpy({ amountMinor: 1, currency: 'USD' }, '149.99999999')).toBe(1n);
    // ₩1,000 × 0.1085 = ¥108.5 → 109
    expect(toJpy({ amountMinor: 1_000, currency: 'KRW' }, '0.1085')).toBe(109n);
    // 1.005 KWD × 490 = ¥492.45 → 492
    expect(toJpy({ amountMinor: 1_005, currency: 'KWD' }, '490')).toBe(492n);
    expect(toJpy({ amountMinor: 0, currency: 'EUR' }, '160.5')).toBe(0n);
  });

  it('rounds a true half up where floating point would round it down', () => {
    // $123,750.00 × 135.3876 = ¥16,754,215.5 exactly; in floating point it is 16754215.499999998.
    expect(Math.round((12_375_000 / 100) * 135.3876)).toBe(16_754_215);
    expect(toJpy({ amountMinor: 12_375_000, currency: 'USD' }, '135.3876')).toBe(16_754_216n);
    // 8,450,988.70 CHF × 115 = ¥971,863,700.5 exactly.
    expect(toJpy({ amountMinor: 845_098_870, currency: 'CHF' }, '115.0000')).toBe(971_863_701n);
  });

  it('converts huge amounts exactly', () => {
    const amount = { amountMinor: Number.MAX_SAFE_INTEGER, currency: 'USD' } as const;
    // 90,071,992,547,409.91 USD × 151.2345 = 13,621,992,756,911,264.033895 (checked with Python's Decimal)
    expect(toJpy(amount, '151.2345')).toBe(13_621_992_756_911_264n);
    expect(toJpy({ amountMinor: 10n ** 30n, currency: 'EUR' }, '160')).toBe(16n * 10n ** 29n);
  });

  it('refuses a missing, malformed or zero rate instead of returning zero', () => {
    expect(() => toJpy({ amountMinor: 100, currency: 'USD' })).toThrow(/No JPY rate/);
    expect(() => toJpy({ amountMinor: 100, currency: 'USD' }, null)).toThrow(RangeError);
    for (const rate of ['', 'abc', '-150', '1.5e2', '0', '0.000']) {
      expect(() => toJpy({ amountMinor: 100, currency: 'USD' }, rate), rate).toThrow(RangeError);
    }
  });
});
