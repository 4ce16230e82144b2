// What carrying a disclosure forward into a new cycle means, as pure rules: which items of the last filed
// version are still questions for the new year, what "ending" one sets, and when a saved item counts as
// edited. The cycle's year is the Japanese fiscal year (1 April to 31 March).
import { cleanFormValues } from './form-values';
import type { RepeatingSectionKey } from '@/lib/disclosures/sections';
import { isIsoDate } from '@/lib/disclosures/fields';

export function fiscalPeriod(fiscalYear: number): { start: string; end: string } {
  return { start: `${fiscalYear}-04-01`, end: `${fiscalYear + 1}-03-31` };
}

/** Sections whose items have an end date the researcher can set to say "no longer true". */
export const endableSections = ['appointments', 'programmes', 'support', 'interests'] as const satisfies readonly RepeatingSectionKey[];
export type EndableSection = (typeof endableSections)[number];

export function isEndable(section: string): section is EndableSection {
  return (endableSections as readonly string[]).includes(section);
}

/** The last day an item was true: its end date, or for a gift the day it was received. */
function lastDay(section: RepeatingSectionKey, item: Record<string, unknown>): string | undefined {
  const value = section === 'gifts' ? item.receivedOn : item.endDate;
  return isIsoDate(value) ? value : undefined;
}

/**
 * An item that ended before the new cycle's year began is history, not a question for this year: it is
 * not carried. Open-ended items, and items that end within or after the year, are.
 */
export function carriesInto(section: RepeatingSectionKey, item: Record<string, unknown>, fiscalYear: number): boolean {
  const day = lastDay(section, item);
  return day === undefined || day >= fiscalPeriod(fiscalYear).start;
}

export type EndDateProblem = 'invalid' | 'beforePeriod' | 'afterPeriod' | 'beforeStart';

/** An end date must lie in the cycle's year (an ended item stays on this year's record) and not before the item began. */
export function endDateProblem(endDate: string, item: Record<string, unknown>, fiscalYear: number): EndDateProblem | null {
  if (!isIsoDate(endDate)) return 'invalid';
  const period = fiscalPeriod(fiscalYear);
  if (endDate < period.start) return 'beforePeriod';
  if (endDate > period.end) return 'afterPeriod';
  if (isIsoDate(item.startDate) && endDate < item.startDate) return 'beforeStart';
  return null;
}

/**
 * The form an item is compared in: what the section form would save for it unchanged (empty strings and
 * empty objects are "nothing", as in the forms), so re-saving an untouched item is not an edit.
 */
export function comparableItem(item: unknown): unknown {
  return cleanFormValues(item) ?? {};
}
