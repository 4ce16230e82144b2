// A figure of a report: a (possibly suppressed) count and the filter keys that select the records behind
// it. Pages turn the filter into a link; the API returns it; exports write the count.
import type { Figure } from './params';
import { type Count, type Suppression, suppressBreakdown, suppressCount } from './suppress';

export interface FigureValue extends Count {
  /** Keys added to the report's parameters to list the records behind the figure. */
  figure: Figure;
}

export function figure(n: number, f: Figure, s: Suppression): FigureValue {
  return { ...suppressCount(n, s), figure: f };
}

/** The cells of one breakdown (whose total is shown too), suppressed together. */
export function breakdown<T>(rows: readonly T[], count: (r: T) => number, f: (r: T) => Figure, s: Suppression): FigureValue[] {
  const cells = suppressBreakdown(rows.map(count), s);
  return rows.map((r, i) => ({ ...cells[i]!, figure: f(r) }));
}

export interface ResolvedParams {
  fiscalYear: number;
  institutionIds: string[];
  publication: boolean;
  minimum: number;
}
