// Domestic grant records in a KAKEN-style CSV: one row per researcher, project, fiscal year and role.
//   erad_number,project_number,fiscal_year,role,amount_jpy[,title]
// e-Rad researcher numbers have 8 digits; amounts are whole yen; full-width digits and thousands
// separators are accepted (NFKC). Roles: PI / 研究代表者, CO / 研究分担者 (and the other forms below).
// Every row that cannot be used is rejected with its line and a reason key (grants.rejected.*),
// never dropped silently.
//
// Pure: no database.
import { parse } from 'csv-parse/sync';

export const GRANT_COLUMNS = ['erad_number', 'project_number', 'fiscal_year', 'role', 'amount_jpy'] as const;
export const GRANT_ROLES = ['PRINCIPAL_INVESTIGATOR', 'CO_INVESTIGATOR', 'COLLABORATOR', 'OTHER'] as const;
export type GrantRole = (typeof GRANT_ROLES)[number];

const ROLE_NAMES: Record<string, GrantRole> = {
  pi: 'PRINCIPAL_INVESTIGATOR',
  principal: 'PRINCIPAL_INVESTIGATOR',
  principal_investigator: 'PRINCIPAL_INVESTIGATOR',
  研究代表者: 'PRINCIPAL_INVESTIGATOR',
  代表: 'PRINCIPAL_INVESTIGATOR',
  co: 'CO_INVESTIGATOR',
  co_investigator: 'CO_INVESTIGATOR',
  coi: 'CO_INVESTIGATOR',
  研究分担者: 'CO_INVESTIGATOR',
  分担: 'CO_INVESTIGATOR',
  collaborator: 'COLLABORATOR',
  連携研究者: 'COLLABORATOR',
  研究協力者: 'COLLABORATOR',
  other: 'OTHER',
  その他: 'OTHER',
};

export function grantRole(value: string): GrantRole | null {
  const key = value.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/g, '_');
  return ROLE_NAMES[key] ?? ((GRANT_ROLES as readonly string[]).includes(key.toUpperCase()) ? (key.toUpperCase() as GrantRole) : null);
}

export interface GrantRow {
  line: number;
  eradNumber: string;
  projectNumber: string;
  fiscalYear: number;
  role: GrantRole;
  amountJpy: bigint;
  title: string | null;
}

export type RejectReason =
  | 'columns'
  | 'eradNumber'
  | 'projectNumber'
  | 'fiscalYear'
  | 'role'
  | 'amount'
  | 'duplicate'
  | 'unreadable';

export interface RejectedGrantRow {
  line: number;
  reason: RejectReason;
  value?: string;
  firstLine?: number;
}

export class GrantFormatError extends Error {
  override name = 'GrantFormatError';
  constructor(readonly key: 'empty' | 'header', readonly missing: string[] = []) {
    super(key === 'header' ? `missing columns: ${missing.join(', ')}` : 'the file holds no rows');
  }
}

export const grantKey = (r: Pick<GrantRow, 'eradNumber' | 'projectNumber' | 'fiscalYear' | 'role'>) =>
  `${r.eradNumber}|${r.projectNumber}|${r.fiscalYear}|${r.role}`;

export function parseGrantsCsv(text: string): { rows: GrantRow[]; rejected: RejectedGrantRow[] } {
  // Comment lines at the top (sample files say what they are there) and a byte-order mark are skipped.
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length && /^\s*(#.*)?$/.test(lines[i] ?? ''); i++) lines[i] = '';
  const rejected: RejectedGrantRow[] = [];
  const records = parse(lines.join('\n'), {
    info: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      rejected.push({ line: Number((err as { lines?: unknown } | undefined)?.lines ?? 0), reason: 'unreadable' });
    },
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const [header, ...data] = records;
  if (!header) throw new GrantFormatError('empty');
  const keys = header.record.map((c) => c.normalize('NFKC').trim().toLowerCase());
  const missing = GRANT_COLUMNS.filter((c) => !keys.includes(c));
  if (missing.length) throw new GrantFormatError('header', missing);
  const at = (r: string[], k: string) => (r[keys.indexOf(k)] ?? '').normalize('NFKC').trim();

  const rows: GrantRow[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of data) {
    const line = info.lines;
    if (record.every((c) => !c.trim())) continue;
    if (record.length < GRANT_COLUMNS.length) {
      rejected.push({ line, reason: 'columns', value: String(record.length) });
      continue;
    }
    const eradNumber = at(record, 'erad_number');
    if (!/^\d{8}$/.test(eradNumber)) {
      rejected.push({ line, reason: 'eradNumber', value: eradNumber });
      continue;
    }
    const projectNumber = at(record, 'project_number');
    if (!projectNumber || projectNumber.length > 40) {
      rejected.push({ line, reason: 'projectNumber', value: projectNumber });
      continue;
    }
    const fy = at(record, 'fiscal_year');
    const fiscalYear = Number(fy);
    if (!/^\d{4}$/.test(fy) || fiscalYear < 1965 || fiscalYear > 2100) {
      rejected.push({ line, reason: 'fiscalYear', value: fy });
      continue;
    }
    const role = grantRole(at(record, 'role'));
    if (!role) {
      rejected.push({ line, reason: 'role', value: at(record, 'role') });
      continue;
    }
    const amountText = at(record, 'amount_jpy');
    if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(amountText) || amountText.replaceAll(',', '').length > 15) {
      rejected.push({ line, reason: 'amount', value: amountText });
      continue;
    }
    const row: GrantRow = {
      line,
      eradNumber,
      projectNumber,
      fiscalYear,
      role,
      amountJpy: BigInt(amountText.replaceAll(',', '')),
      // The title is kept as written (NFKC would fold its full-width punctuation).
      title: keys.includes('title') ? (record[keys.indexOf('title')] ?? '').trim() || null : null,
    };
    const key = grantKey(row);
    const first = seen.get(key);
    if (first !== undefined) {
      rejected.push({ line, reason: 'duplicate', firstLine: first });
      continue;
    }
    seen.set(key, line);
    rows.push(row);
  }
  return { rows, rejected: rejected.sort((a, b) => a.line - b.line) };
}
