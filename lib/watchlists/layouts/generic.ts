import 'server-only';
import { countryCode } from '../countries';
import { normalizeName } from '../normalize';
import { cleanName, splitAliases } from '../name-parts';
import { headerKeys, type CsvRow } from './csv';
import type { ParsedEntry, RawValue, RejectedRow } from './types';

// Kaiji's own layout for lists an institution compiles itself (and for group lists such as the
// SASTIND universities): reference, name, name_ja, aliases (`;`-separated), country, concern. Only
// reference and name are required; further columns are kept in `raw`. Cells are taken as written:
// the author chose what is a name and what is an alias.

export const GENERIC = 'generic';

const COLUMNS = ['reference', 'name', 'name_ja', 'aliases', 'country', 'concern'];

export function isGeneric(header: string[]): boolean {
  const keys = headerKeys(header);
  return keys.includes('reference') && keys.includes('name') && keys.filter((k) => COLUMNS.includes(k)).length >= 2;
}

export function parseGeneric(rows: CsvRow[]): { entries: ParsedEntry[]; rejected: RejectedRow[] } {
  const [header, ...data] = rows;
  if (!header) return { entries: [], rejected: [] };
  const keys = headerKeys(header.cells);
  const rejected: RejectedRow[] = [];
  const entries: ParsedEntry[] = [];
  const firstLine = new Map<string, number>();
  for (const row of data) {
    if (row.cells.every((c) => !c.trim())) continue;
    if (row.cells.length !== keys.length) {
      rejected.push({ line: row.line, reason: `expected ${keys.length} columns, found ${row.cells.length}` });
      continue;
    }
    const get = (k: string) => (keys.includes(k) ? (row.cells[keys.indexOf(k)] ?? '').trim() : '');
    const reference = get('reference');
    if (!reference) {
      rejected.push({ line: row.line, reason: 'missing reference' });
      continue;
    }
    const seen = firstLine.get(reference);
    if (seen !== undefined) {
      rejected.push({ line: row.line, reason: `duplicate reference '${reference}' (first on line ${seen})` });
      continue;
    }
    const name = cleanName(get('name'));
    if (!normalizeName(name)) {
      rejected.push({ line: row.line, reason: 'missing name' });
      continue;
    }
    const countryCell = get('country');
    const country = countryCode(countryCell);
    if (countryCell && !country) {
      rejected.push({ line: row.line, reason: `unknown country '${countryCell}'` });
      continue;
    }
    firstLine.set(reference, row.line);
    const raw: { [key: string]: RawValue } = {};
    keys.forEach((k, i) => {
      const v = row.cells[i]?.trim();
      if (v && !COLUMNS.includes(k)) raw[k] = v;
    });
    entries.push({
      reference,
      name,
      nameJa: cleanName(get('name_ja')) || null,
      aliases: splitAliases(get('aliases')),
      country,
      concern: get('concern') || null,
      endedAt: null,
      raw,
      line: row.line,
    });
  }
  return { entries, rejected };
}
