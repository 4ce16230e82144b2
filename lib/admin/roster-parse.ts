// Reading an HR roster CSV: header row, UTF-8 with or without BOM, the columns below in any order
// (extra columns are ignored). Each row is checked on its own and against the other rows of the file;
// checks that need the database (departments, existing people) are in roster.ts.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { isEradNumber, isKana, isOrcid, isRomaji, normaliseOrcid, orcidPattern } from '@/lib/disclosures/identifiers';

export const ROSTER_COLUMNS = ['email', 'name_kanji', 'name_kana', 'name_romaji', 'department_code', 'position', 'erad_number', 'orcid'] as const;
export const ROSTER_MAX_ROWS = 5000;
const MAX_CELL = 200;

export type RejectReason =
  | 'columnCount'
  | 'tooLong'
  | 'invalidEmail'
  | 'missingName'
  | 'kanaFormat'
  | 'romajiFormat'
  | 'eradFormat'
  | 'orcidFormat'
  | 'orcidChecksum'
  | 'unknownDepartment'
  | 'duplicateEmail'
  | 'duplicateErad'
  | 'duplicateOrcid'
  | 'eradTaken'
  | 'orcidTaken'
  | 'notImportableHere';

export interface Rejection {
  reason: RejectReason;
  /** Values for the message, e.g. the other lines of a duplicate or the unknown code. */
  params?: Record<string, string>;
}

export interface RosterRow {
  line: number;
  email: string;
  nameKanji: string;
  nameKana: string;
  nameRomaji: string;
  departmentCode: string;
  position: string;
  eradNumber: string;
  orcid: string;
  rejections: Rejection[];
}

export type RosterFileError = 'empty' | 'malformed' | 'missingColumns' | 'tooManyRows';
export type ParsedRoster = { ok: true; rows: RosterRow[] } | { ok: false; error: RosterFileError; params?: Record<string, string> };

const emailCheck = z.email();
// NFKC folds full-width digits and letters (common in Japanese spreadsheets) to ASCII.
const clean = (v: string | undefined) => (v ?? '').normalize('NFKC').trim();

export function parseRoster(text: string): ParsedRoster {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof records;
  } catch (err) {
    return { ok: false, error: 'malformed', params: { detail: String((err as Error).message).slice(0, 200) } };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, error: 'empty' };
  const names = header.record.map((h) => clean(h).toLowerCase());
  const missing = ROSTER_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { ok: false, error: 'missingColumns', params: { columns: missing.join(', ') } };
  if (body.length > ROSTER_MAX_ROWS) return { ok: false, error: 'tooManyRows', params: { max: String(ROSTER_MAX_ROWS) } };
  const col = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof ROSTER_COLUMNS)[number], number>;

  const rows = body.map(({ record, info }): RosterRow => {
    const cell = (c: (typeof ROSTER_COLUMNS)[number]) => clean(record[col[c]]);
    const row: RosterRow = {
      line: info.lines,
      email: cell('email').toLowerCase(),
      nameKanji: cell('name_kanji'),
      nameKana: cell('name_kana'),
      nameRomaji: cell('name_romaji'),
      departmentCode: cell('department_code').toUpperCase(),
      position: cell('position'),
      eradNumber: cell('erad_number'),
      orcid: cell('orcid') ? normaliseOrcid(cell('orcid')) : '',
      rejections: [],
    };
    const reject = (reason: RejectReason, params?: Record<string, string>) => row.rejections.push(params ? { reason, params } : { reason });
    if (record.length !== names.length) reject('columnCount', { expected: String(names.length), found: String(record.length) });
    if (ROSTER_COLUMNS.some((c) => cell(c).length > MAX_CELL)) reject('tooLong', { max: String(MAX_CELL) });
    if (!row.email || row.email.length > 320 || !emailCheck.safeParse(row.email).success) reject('invalidEmail');
    if (!row.nameKanji && !row.nameRomaji) reject('missingName');
    if (row.nameKana && !isKana(row.nameKana)) reject('kanaFormat');
    if (row.nameRomaji && !isRomaji(row.nameRomaji)) reject('romajiFormat');
    if (row.eradNumber && !isEradNumber(row.eradNumber)) reject('eradFormat');
    if (row.orcid && !orcidPattern.test(row.orcid)) reject('orcidFormat');
    else if (row.orcid && !isOrcid(row.orcid)) reject('orcidChecksum');
    return row;
  });

  // The same person twice in one file is ambiguous: every occurrence is rejected, naming the others.
  const duplicates = (key: (r: RosterRow) => string, reason: RejectReason) => {
    const byValue = new Map<string, RosterRow[]>();
    for (const r of rows) {
      const k = key(r);
      if (k) byValue.set(k, [...(byValue.get(k) ?? []), r]);
    }
    for (const group of byValue.values()) {
      if (group.length < 2) continue;
      for (const r of group) r.rejections.push({ reason, params: { lines: group.filter((o) => o !== r).map((o) => o.line).join(', ') } });
    }
  };
  duplicates((r) => r.email, 'duplicateEmail');
  duplicates((r) => r.eradNumber, 'duplicateErad');
  duplicates((r) => r.orcid, 'duplicateOrcid');
  return { ok: true, rows };
}
