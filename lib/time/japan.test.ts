// Japan time at its edges: the last minute of a day and the first of the next (in Japan, where UTC is
// still on the previous date for nine hours), and the fiscal-year boundary of 31 March / 1 April.
import { describe, expect, it } from 'vitest';
import { daysUntil, fiscalYearOf, fiscalYearStart, fromJapanLocal, japanDate, japanDaysBetween, toJapanLocal } from './japan';

const jst = (local: string) => new Date(`${local}+09:00`);

describe('Japan time', () => {
  it("dates an instant by Japan's calendar, not UTC's", () => {
    expect(japanDate(jst('2026-06-30T23:59:59'))).toBe('2026-06-30');
    expect(japanDate(jst('2026-07-01T00:00:00'))).toBe('2026-07-01');
    // 08:59 in Japan is still the previous day in UTC.
    expect(jst('2026-07-01T08:59:00').toISOString().slice(0, 10)).toBe('2026-06-30');
    expect(japanDate(jst('2026-07-01T08:59:00'))).toBe('2026-07-01');
  });

  it('counts calendar days, whatever the time of day', () => {
    expect(japanDaysBetween(jst('2026-06-30T23:59:00'), jst('2026-07-01T00:00:00'))).toBe(1);
    expect(japanDaysBetween(jst('2026-07-01T00:00:00'), jst('2026-07-01T23:59:00'))).toBe(0);
    expect(japanDaysBetween(jst('2026-07-01T00:00:00'), jst('2026-06-30T23:59:00'))).toBe(-1);
    expect(japanDaysBetween(jst('2026-02-28T12:00:00'), jst('2026-03-01T12:00:00'))).toBe(1);
    expect(japanDaysBetween(jst('2028-02-28T12:00:00'), jst('2028-03-01T12:00:00'))).toBe(2);
  });

  it('counts days left to a deadline as the reminder mail does: 0 on its day, even an hour before it', () => {
    const deadline = jst('2026-06-30T17:00:00');
    expect(daysUntil(deadline, jst('2026-06-30T16:00:00'))).toBe(0);
    expect(daysUntil(deadline, jst('2026-06-30T00:00:00'))).toBe(0);
    // The day before, at any hour, is one day left. Rounding milliseconds up said 1 on the day itself
    // and 2 at 16:00 the day before (25 hours), disagreeing with the mail sent that morning.
    expect(daysUntil(deadline, jst('2026-06-29T23:59:00'))).toBe(1);
    expect(daysUntil(deadline, jst('2026-06-29T16:00:00'))).toBe(1);
    expect(daysUntil(deadline, jst('2026-07-01T00:00:00'))).toBe(-1);
    expect(daysUntil(deadline, jst('2026-06-23T09:00:00'))).toBe(7);
  });

  it('starts the fiscal year on 1 April at 00:00 Japan time', () => {
    expect(fiscalYearOf(jst('2027-03-31T23:59:59'))).toBe(2026);
    expect(fiscalYearOf(jst('2027-04-01T00:00:00'))).toBe(2027);
    // 1 April 08:00 in Japan is still 31 March in UTC: the year has turned in Japan.
    expect(fiscalYearOf(jst('2027-04-01T08:00:00'))).toBe(2027);
    expect(fiscalYearOf(jst('2027-01-15T12:00:00'))).toBe(2026);
    expect(fiscalYearOf(jst('2026-12-31T23:59:59'))).toBe(2026);
    expect(fiscalYearStart(2027).toISOString()).toBe('2027-03-31T15:00:00.000Z');
    expect(fiscalYearOf(fiscalYearStart(2027))).toBe(2027);
    expect(fiscalYearOf(new Date(fiscalYearStart(2027).getTime() - 1))).toBe(2026);
  });

  it('reads and writes the Japan wall-clock times of datetime-local inputs', () => {
    expect(fromJapanLocal('2026-04-01T09:00').toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(fromJapanLocal('2026-04-01T00:00').toISOString()).toBe('2026-03-31T15:00:00.000Z');
    expect(toJapanLocal(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01T00:00');
    expect(toJapanLocal(fromJapanLocal('2026-12-31T23:59'))).toBe('2026-12-31T23:59');
  });
});
