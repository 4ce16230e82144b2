import 'server-only';
import { countryCode } from '../countries';
import { normalizeName } from '../normalize';
import { cleanName, splitAliases, splitName } from '../name-parts';
import { headerKeys, type CsvRow } from './csv';
import { allNamesKey } from './meti-eul-flat';
import { nameReference, uniqueReferences } from './reference';
import type { ParsedEntry, RejectedRow } from './types';

// US DoD Section 1286 lists: one row per institution per yearly list. Two spellings of the same
// facts are read: the DoD facts as Kaiji ships them (name, aliases, list_fiscal_year, listed_from,
// listed_until, country, source_url; lib/watchlists/public-lists) and OpenSanctions' source file
// (schema, name, aliases, …, report-date, end-date, country, notes, source_url), which adds notes and
// the legal basis. Rows are grouped into one entry per institution: rows whose names or aliases
// normalise to the same key belong together, so a renamed institution that keeps its old name as an
// alias ("Beijing University of Aeronautics and Astronautics" → "Beihang University") stays one entry.
// The entry takes its name, country and status from its latest year; an end date on the latest year's
// rows means the listing ended (the entry is imported retired).
//
// The list has no ids. The reference hashes the name the institution had in its earliest year on the
// list: later renames do not change it, because the source keeps every year's rows.

export const SECTION_1286 = 'us-section-1286';

/** Where the list year and the end of a listing are, in each of the two spellings. */
interface Columns {
  year: string;
  end: string;
}
const DOD_FACTS: Columns = { year: 'list_fiscal_year', end: 'listed_until' };
const OPENSANCTIONS: Columns = { year: 'report-date', end: 'end-date' };

function columnsOf(header: string[]): Columns | null {
  const keys = headerKeys(header);
  const has = (c: Columns) => ['name', 'aliases', c.year, c.end].every((k) => keys.includes(k));
  if (has(DOD_FACTS)) return DOD_FACTS;
  if (has(OPENSANCTIONS) && (keys.includes('program') || keys.includes('schema'))) return OPENSANCTIONS;
  return null;
}

export function isSection1286(header: string[]): boolean {
  return columnsOf(header) !== null;
}

interface Row {
  line: number;
  year: number;
  names: string[];
  endDate: Date | null;
  country: string | null;
  countryCell: string;
  notes: string;
  sourceUrl: string;
  program: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(s: string): Date | null {
  if (!ISO_DATE.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : d;
}

function readRows(rows: CsvRow[]): { rows: Row[]; rejected: RejectedRow[] } {
  const [header, ...data] = rows;
  if (!header) return { rows: [], rejected: [] };
  const keys = headerKeys(header.cells);
  const columns = columnsOf(header.cells) ?? DOD_FACTS;
  const out: Row[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of data) {
    if (row.cells.every((c) => !c.trim())) continue;
    if (row.cells.length !== keys.length) {
      rejected.push({ line: row.line, reason: `expected ${keys.length} columns, found ${row.cells.length}` });
      continue;
    }
    const get = (k: string) => (row.cells[keys.indexOf(k)] ?? '').trim();
    const name = cleanName(get('name'));
    if (!normalizeName(name)) {
      rejected.push({ line: row.line, reason: 'missing name' });
      continue;
    }
    const yearCell = get(columns.year);
    if (!/^\d{4}$/.test(yearCell)) {
      rejected.push({ line: row.line, reason: `invalid ${columns.year} '${yearCell}' (expected a year)` });
      continue;
    }
    const endCell = get(columns.end);
    const endDate = endCell ? parseDate(endCell) : null;
    if (endCell && !endDate) {
      rejected.push({ line: row.line, reason: `invalid ${columns.end} '${endCell}' (expected YYYY-MM-DD)` });
      continue;
    }
    const countryCell = get('country');
    const country = countryCode(countryCell);
    if (countryCell && !country) {
      rejected.push({ line: row.line, reason: `unknown country '${countryCell}'` });
      continue;
    }
    out.push({
      line: row.line,
      year: Number(yearCell),
      names: [name, ...splitAliases(get('aliases'))],
      endDate,
      country,
      countryCell,
      notes: get('notes'),
      sourceUrl: get('source_url'),
      program: get('program'),
    });
  }
  return { rows: out, rejected };
}

/** Keys that tie rows together: every name and alias, and the acronyms given in brackets. */
function linkKeys(row: Row): string[] {
  const keys = new Set<string>();
  for (const n of row.names) {
    const parts = splitName(n);
    for (const k of [n, parts.base, ...parts.acronyms].map(normalizeName)) if (k.length >= 3) keys.add(k);
  }
  return [...keys];
}

function groupRows(rows: Row[]): Row[][] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const owner = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const key of linkKeys(row)) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Row[]>();
  rows.forEach((row, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), row]);
  });
  return [...groups.values()];
}

function entryOf(group: Row[]): ParsedEntry {
  const byYear = [...group].sort((a, b) => a.year - b.year || a.line - b.line);
  const earliest = byYear[0]!;
  const latestYear = byYear[byYear.length - 1]!.year;
  const latestRows = byYear.filter((r) => r.year === latestYear);
  const latest = latestRows[0]!;
  const main = splitName(latest.names[0]!);
  const name = main.base;
  // Aliases: the latest year's first, then older names and aliases; bracketed acronyms too.
  const seen = new Set([normalizeName(name)]);
  const aliases: string[] = [];
  for (const row of [...latestRows, ...[...byYear].reverse().filter((r) => r.year !== latestYear)]) {
    for (const n of row.names) {
      const parts = splitName(n);
      for (const alias of [parts.base, ...parts.acronyms, ...parts.cjk]) {
        const key = normalizeName(alias);
        if (!key || seen.has(key)) continue;
        seen.add(key);
        aliases.push(alias);
      }
    }
  }
  const ended = latestRows.every((r) => r.endDate) ? latestRows.map((r) => r.endDate!).sort((a, b) => +b - +a)[0]! : null;
  const country = [...byYear].reverse().find((r) => r.country)?.country ?? null;
  const years = [...new Set(byYear.map((r) => r.year))];
  return {
    reference: nameReference('s1286', normalizeName(splitName(earliest.names[0]!).base)),
    name,
    nameJa: null,
    aliases,
    country,
    concern: `Section 1286 list: ${years.map((y) => `FY${y}`).join(', ')}`,
    endedAt: ended,
    raw: {
      listedNames: [...new Set(byYear.map((r) => r.names[0]!))],
      reportYears: years,
      endDates: [...new Set(byYear.filter((r) => r.endDate).map((r) => r.endDate!.toISOString().slice(0, 10)))],
      notes: [...new Set(byYear.map((r) => r.notes).filter(Boolean))],
      sourceUrls: [...new Set(byYear.map((r) => r.sourceUrl).filter(Boolean))],
      ...(latest.program ? { program: latest.program } : {}),
    },
    line: earliest.line,
  };
}

export function parseSection1286(rows: CsvRow[]): { entries: ParsedEntry[]; rejected: RejectedRow[] } {
  const read = readRows(rows);
  const entries = groupRows(read.rows)
    .map(entryOf)
    .sort((a, b) => a.line - b.line);
  const unique = uniqueReferences(entries, allNamesKey, 's1286');
  return { entries: unique.entries, rejected: [...read.rejected, ...unique.rejected] };
}
