import 'server-only';
import { countryCode } from '../countries';
import { normalizeName } from '../normalize';
import { namesFromList, splitAliases } from '../name-parts';
import { headerKeys, type CsvRow } from './csv';
import { allNamesKey } from './meti-eul-flat';
import { nameReference, uniqueReferences } from './reference';
import type { ParsedEntry, RawValue, RejectedRow } from './types';

// US Consolidated Screening List (trade.gov) CSV: _id, source, entity_number, type, programs, name,
// …, addresses, …, alt_names, … . Kaiji screens organisations, so rows typed Individual, Vessel or
// Aircraft are rejected with that reason (Entity List rows have no type and are kept). The country
// is the last part of the first address that names one ("…, Beijing, CN").

export const CSL = 'us-csl';

const REQUIRED = ['_id', 'source', 'name', 'alt_names', 'addresses'];
const NOT_ORGANISATIONS = new Set(['individual', 'vessel', 'aircraft']);

export function isCsl(header: string[]): boolean {
  const keys = headerKeys(header);
  return REQUIRED.every((k) => keys.includes(k));
}

/** "Entity List (EL) - Bureau of Industry and Security" → "EL". */
function sourceCode(source: string): string {
  const m = /\(([^)]+)\)/.exec(source);
  return (m?.[1] ?? source).replace(/[^A-Za-z0-9-]+/g, '').toUpperCase() || 'CSL';
}

function countryOfAddresses(cell: string): string | null {
  for (const address of cell.split(/;\s*/)) {
    const last = address.split(',').pop()?.trim();
    const code = countryCode(last);
    if (code) return code;
  }
  return null;
}

export function parseCsl(rows: CsvRow[]): { entries: ParsedEntry[]; rejected: RejectedRow[] } {
  const [header, ...data] = rows;
  if (!header) return { entries: [], rejected: [] };
  const keys = headerKeys(header.cells);
  const rejected: RejectedRow[] = [];
  const entries: ParsedEntry[] = [];
  for (const row of data) {
    if (row.cells.every((c) => !c.trim())) continue;
    if (row.cells.length !== keys.length) {
      rejected.push({ line: row.line, reason: `expected ${keys.length} columns, found ${row.cells.length}` });
      continue;
    }
    const get = (k: string) => (keys.includes(k) ? (row.cells[keys.indexOf(k)] ?? '').trim() : '');
    const type = get('type');
    if (NOT_ORGANISATIONS.has(type.toLowerCase())) {
      rejected.push({ line: row.line, reason: `type ${type}: only organisations are screened` });
      continue;
    }
    const rawName = get('name');
    if (!normalizeName(rawName)) {
      rejected.push({ line: row.line, reason: 'missing name' });
      continue;
    }
    const endCell = get('end_date');
    const endedAt = endCell ? new Date(`${endCell}T00:00:00Z`) : null;
    if (endCell && (!/^\d{4}-\d{2}-\d{2}$/.test(endCell) || Number.isNaN(endedAt!.getTime()))) {
      rejected.push({ line: row.line, reason: `invalid end_date '${endCell}' (expected YYYY-MM-DD)` });
      continue;
    }
    const names = namesFromList([rawName, ...splitAliases(get('alt_names'))]);
    const source = get('source');
    const programs = get('programs');
    const id = get('_id');
    const entityNumber = get('entity_number');
    const reference = entityNumber
      ? `csl-${sourceCode(source)}-${entityNumber}`
      : id
        ? `csl-${id}`
        : nameReference('csl', normalizeName(names.name));
    const raw: { [key: string]: RawValue } = {};
    keys.forEach((k, i) => {
      const v = row.cells[i]?.trim();
      if (v) raw[k] = v;
    });
    entries.push({
      reference,
      ...names,
      country: countryOfAddresses(get('addresses')),
      concern: programs ? `${source}: ${programs}` : source || null,
      endedAt,
      raw,
      line: row.line,
    });
  }
  const unique = uniqueReferences(entries, allNamesKey, 'csl');
  return { entries: unique.entries, rejected: [...rejected, ...unique.rejected] };
}
