// What every layout parser produces. A parser never drops a row silently: a row it cannot use is in
// `rejected` with its line number and the reason.

export type LayoutId = 'meti-eul-flat' | 'meti-eul' | 'us-section-1286' | 'us-csl' | 'generic';

export type RawValue = string | number | boolean | null | RawValue[] | { [key: string]: RawValue };

export interface ParsedEntry {
  /** Stable across editions of the list: the importer matches entries of two editions by it. */
  reference: string;
  name: string;
  nameJa: string | null;
  aliases: string[];
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  concern: string | null;
  /** The list says the listing ended on this date (the entry is imported retired). */
  endedAt: Date | null;
  /** The source data the entry was built from, minus anything that changes without the entry changing. */
  raw: { [key: string]: RawValue };
  /** First line of the file the entry comes from. */
  line: number;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ParseResult {
  layout: LayoutId;
  entries: ParsedEntry[];
  rejected: RejectedRow[];
}

/** A file that no layout recognises, or that holds nothing usable. */
export class WatchlistFormatError extends Error {
  override name = 'WatchlistFormatError';
}
