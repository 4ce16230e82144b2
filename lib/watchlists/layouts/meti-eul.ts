import 'server-only';
import { countryCode } from '../countries';
import { normalizeName } from '../normalize';
import { namesFromList, splitAliases } from '../name-parts';
import { headerKeys, type CsvRow } from './csv';
import { allNamesKey } from './meti-eul-flat';
import { nameReference, uniqueReferences } from './reference';
import type { ParsedEntry, RejectedRow } from './types';

// METI End User List as METI publishes it (外国ユーザーリスト, saved from the spreadsheet as CSV): a
// header row with No., country or region, company or organisation, also known as, type of WMD
// concern and, in recent editions, a conventional-weapons column; headers in English or Japanese.
// A title row or two above the header is allowed. As in the flat layout, the reference is a hash of
// the normalised name (the same hash, so the two layouts of one list agree) and the row number is not
// kept.

export const METI_EUL = 'meti-eul';

type Column = 'name' | 'nameJa' | 'country' | 'aliases' | 'concern' | 'conventional' | 'no';

const COLUMN_PATTERNS: [Column, RegExp][] = [
  ['nameJa', /japanese|日本語|和名/],
  ['name', /company|organi[sz]ation|企業名|組織名|^name$|^名称$/],
  ['country', /country|国名|地域/],
  ['aliases', /also known|別名|alias/],
  ['concern', /type of wmd|wmd|懸念区分|concern/],
  ['conventional', /conventional|通常兵器/],
  ['no', /^no\.?$|^番号$|^#$/],
];

const CONCERN_CODES: Record<string, string> = {
  b: 'biological', 生物: 'biological',
  c: 'chemical', 化学: 'chemical',
  m: 'missile', ミサイル: 'missile',
  n: 'nuclear', 核: 'nuclear',
};

function columnsOf(cells: string[]): Map<Column, number> | null {
  const map = new Map<Column, number>();
  headerKeys(cells).forEach((h, i) => {
    const hit = COLUMN_PATTERNS.find(([col, re]) => !map.has(col) && re.test(h));
    if (hit) map.set(hit[0], i);
  });
  return map.has('name') && map.has('country') && (map.has('concern') || map.has('aliases')) ? map : null;
}

/** Index of the header row among the first rows, or -1. */
export function metiEulHeaderIndex(rows: CsvRow[]): number {
  return rows.slice(0, 5).findIndex((r) => columnsOf(r.cells) !== null);
}

function concernOf(cell: string, conventional: string): { concern: string | null; bad?: string } {
  const words: string[] = [];
  for (const part of cell.split(/[\s,、・/]+/).filter(Boolean)) {
    const word = CONCERN_CODES[part.toLowerCase()];
    if (!word) return { concern: null, bad: part };
    if (!words.includes(word)) words.push(word);
  }
  if (conventional.trim() && !/^(no|-|×|なし)$/i.test(conventional.trim())) words.push('conventional weapons');
  return { concern: words.length ? words.join(', ') : null };
}

export function parseMetiEul(rows: CsvRow[], headerIndex: number): { entries: ParsedEntry[]; rejected: RejectedRow[] } {
  const header = rows[headerIndex];
  const columns = header ? columnsOf(header.cells) : null;
  if (!header || !columns) return { entries: [], rejected: [] };
  const cell = (row: CsvRow, col: Column) => {
    const i = columns.get(col);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
  const rejected: RejectedRow[] = [];
  const entries: ParsedEntry[] = [];
  for (const row of rows.slice(headerIndex + 1)) {
    if (row.cells.every((c) => !c.trim())) continue;
    if (row.cells.length !== header.cells.length) {
      rejected.push({ line: row.line, reason: `expected ${header.cells.length} columns, found ${row.cells.length}` });
      continue;
    }
    // The name cell may hold the main name and, on further lines, the Japanese name.
    const nameLines = cell(row, 'name').split('\n').map((s) => s.trim()).filter(Boolean);
    if (!nameLines.length || !normalizeName(nameLines.join(' '))) {
      rejected.push({ line: row.line, reason: 'missing name' });
      continue;
    }
    const countryCell = cell(row, 'country');
    const country = countryCode(countryCell);
    if (countryCell && !country) {
      rejected.push({ line: row.line, reason: `unknown country '${countryCell}'` });
      continue;
    }
    const { concern, bad } = concernOf(cell(row, 'concern'), cell(row, 'conventional'));
    if (bad) {
      rejected.push({ line: row.line, reason: `unknown concern type '${bad}' (expected B, C, M or N)` });
      continue;
    }
    const names = namesFromList([...nameLines, ...splitAliases(cell(row, 'aliases'))], cell(row, 'nameJa') || null);
    entries.push({
      reference: nameReference('meti', normalizeName(names.name)),
      ...names,
      country,
      concern,
      endedAt: null,
      raw: { country: countryCell, name: cell(row, 'name'), aliases: cell(row, 'aliases'), concern: cell(row, 'concern') },
      line: row.line,
    });
  }
  const unique = uniqueReferences(entries, allNamesKey, 'meti');
  return { entries: unique.entries, rejected: [...rejected, ...unique.rejected] };
}
