// Japan time, in one place. Deadlines, reminders, "N days left", fiscal years and the times administrators
// type are all read in Japan's calendar (Asia/Tokyo). Japan has had no daylight saving since 1951, so a
// fixed +09:00 offset is exact and no time-zone database is needed. Pure: pages, components (in the
// browser too), domain code and scripts share it.

/** For Intl formatting and schedulers (next-intl, mail, exports, pg-boss). */
export const JAPAN_TIME_ZONE = 'Asia/Tokyo';

const OFFSET_MS = 9 * 3_600_000;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 in Japan's calendar: the whole-day count every difference below is built on. */
function japanDayNumber(at: Date): number {
  return Math.floor((at.getTime() + OFFSET_MS) / DAY_MS);
}

/** The date in Japan of an instant, "YYYY-MM-DD" (today by default). */
export function japanDate(at: Date = new Date()): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Whole calendar days in Japan from `from` to `to`, negative when `to` is earlier. The time of day does
 * not count: 23:59 and the next day's 00:00 are one day apart, 00:00 and 23:59 of one day are none.
 */
export function japanDaysBetween(from: Date, to: Date): number {
  return japanDayNumber(to) - japanDayNumber(from);
}

/** Days left until a deadline, in Japan's calendar: 0 on the deadline's day, negative after it. */
export function daysUntil(deadline: Date, now: Date = new Date()): number {
  return japanDaysBetween(now, deadline);
}

/** The Japanese fiscal year of an instant: FY n runs from 1 April of n to 31 March of n + 1, Japan time. */
export function fiscalYearOf(at: Date = new Date()): number {
  const [year, month] = japanDate(at).split('-').map(Number) as [number, number];
  return month >= 4 ? year : year - 1;
}

/** The first instant of fiscal year `fy` (1 April 00:00 Japan time); FY fy ends where FY fy + 1 starts. */
export function fiscalYearStart(fy: number): Date {
  return new Date(Date.UTC(fy, 3, 1) - OFFSET_MS);
}

/** "2026-04-01T09:00" (Japan wall-clock time, as a datetime-local input gives it) → the instant. */
export function fromJapanLocal(local: string): Date {
  return new Date(`${local}:00+09:00`);
}

/** The instant → "2026-04-01T09:00" in Japan time, for datetime-local inputs. */
export function toJapanLocal(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}
