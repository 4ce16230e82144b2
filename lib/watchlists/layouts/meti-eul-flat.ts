import 'server-only';
import { normalizeName } from '../normalize';
import { namesFromList } from '../name-parts';
import type { CsvRow } from './csv';
import { nameReference, uniqueReferences } from './reference';
import type { ParsedEntry, RejectedRow } from './types';

// METI End User List as a flat file without a header, one name per row: `"name","EUL<n>","EUL"`
// (the layout of the copy in lib/watchlists/public-lists). All rows of one EUL id are one entry: the
// first is its "Company or Organization", the rest its "Also Known As" names.
//
// EUL numbers are row numbers of METI's spreadsheet and shift whenever METI inserts an entry, so they
// cannot be the reference: an officer's decision about EUL321 would silently move to whichever
// organisation is EUL321 next edition. The reference is a hash of the normalised main name instead,
// and the EUL number is not kept in `raw` either (it would make every shifted entry look updated).

export const METI_EUL_FLAT = 'meti-eul-flat';

export function isMetiEulFlat(first: string[]): boolean {
  return first.length === 3 && /^EUL\d+$/.test(first[1]?.trim() ?? '') && first[2]?.trim() === 'EUL';
}

export function parseMetiEulFlat(rows: CsvRow[]): { entries: ParsedEntry[]; rejected: RejectedRow[] } {
  const rejected: RejectedRow[] = [];
  const groups = new Map<string, { line: number; names: string[] }>();
  for (const row of rows) {
    if (row.cells.length !== 3) {
      rejected.push({ line: row.line, reason: `expected 3 columns (name, EUL id, list code), found ${row.cells.length}` });
      continue;
    }
    const [name = '', id = '', code = ''] = row.cells.map((c) => c.trim());
    if (code !== 'EUL') {
      rejected.push({ line: row.line, reason: `list code '${code}' is not EUL` });
      continue;
    }
    if (!/^EUL\d+$/.test(id)) {
      rejected.push({ line: row.line, reason: `entry id '${id}' is not EUL followed by a number` });
      continue;
    }
    if (!normalizeName(name)) {
      rejected.push({ line: row.line, reason: 'missing name' });
      continue;
    }
    const group = groups.get(id) ?? { line: row.line, names: [] };
    group.names.push(name);
    groups.set(id, group);
  }
  const entries: ParsedEntry[] = [];
  for (const group of groups.values()) {
    const names = namesFromList(group.names);
    entries.push({
      reference: nameReference('meti', normalizeName(names.name)),
      ...names,
      country: null,
      concern: null,
      endedAt: null,
      raw: { names: group.names },
      line: group.line,
    });
  }
  const unique = uniqueReferences(entries, (e) => allNamesKey(e), 'meti');
  return { entries: unique.entries, rejected: [...rejected, ...unique.rejected] };
}

export function allNamesKey(e: Pick<ParsedEntry, 'name' | 'nameJa' | 'aliases' | 'country'>): string {
  const keys = [e.nameJa ?? '', ...e.aliases].map(normalizeName).sort();
  return [normalizeName(e.name), e.country ?? '', ...keys].join('|');
}
