// Rule messages: Japanese and English text with placeholders that quote the values a rule saw,
// `{{item.organisation.name}}`, `{{grants.total10y|yen}}`, `{{hit.score}}`, `{{params.thresholdJpy|yen}}`.
// A placeholder names a path of the view (or `hit.*`, the watchlist match a helper relied on, or
// `values.<path>`, the same path as recorded on the finding). Filters: yen, number, percent, list, and
// status (a match's 'confirmed' / 'pending' in words of the message's language).
//
// Pure: no database, safe to import anywhere.
import { localList } from '@/lib/i18n/local-text';

export const TEMPLATE_FILTERS = ['yen', 'number', 'percent', 'list', 'status'] as const;
export type TemplateFilter = (typeof TEMPLATE_FILTERS)[number];

export interface Placeholder {
  /** The text as written, "{{ item.organisation.name | yen }}". */
  raw: string;
  /** View path, without a leading "values.". */
  path: string;
  filter: TemplateFilter | null;
  /** Unknown filter as written (a save-time error). */
  badFilter?: string;
  offset: number;
}

const PLACEHOLDER = /\{\{\s*([^{}|]*?)\s*(?:\|\s*([^{}]*?)\s*)?\}\}/g;
const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function placeholdersOf(template: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const written = m[1] ?? '';
    const path = written.startsWith('values.') ? written.slice('values.'.length) : written;
    const filterText = m[2];
    const filter = filterText && (TEMPLATE_FILTERS as readonly string[]).includes(filterText) ? (filterText as TemplateFilter) : null;
    out.push({
      raw: m[0],
      path,
      filter,
      ...(filterText && !filter ? { badFilter: filterText } : {}),
      offset: m.index ?? 0,
    });
  }
  return out;
}

export function isPath(path: string): boolean {
  return PATH.test(path);
}

type Values = Record<string, unknown>;

/** The recorded value of a path: an exact key of `values`, or a field inside a recorded object. */
export function valueAt(values: Values, path: string): unknown {
  if (Object.hasOwn(values, path)) return values[path];
  const parts = path.split('.');
  for (let cut = parts.length - 1; cut > 0; cut--) {
    const head = parts.slice(0, cut).join('.');
    if (!Object.hasOwn(values, head)) continue;
    let v: unknown = values[head];
    for (const p of parts.slice(cut)) {
      v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Values)[p] : undefined;
    }
    return v;
  }
  return undefined;
}

// One formatter for the process: constructing it costs more than formatting (a re-evaluation renders
// two messages per finding, a million times).
const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function grouped(n: number | bigint): string {
  return GROUPED.format(n);
}

function asNumber(v: unknown): number | bigint | null {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return /\./.test(v) ? Number(v) : BigInt(v);
  return null;
}

function format(value: unknown, filter: TemplateFilter | null, locale: 'ja' | 'en'): string {
  if (value === undefined || value === null) return '—';
  const n = asNumber(value);
  switch (filter) {
    case 'yen':
      if (n === null) break;
      return locale === 'ja' ? `${grouped(n)}円` : `¥${grouped(n)}`;
    case 'number':
      if (n === null) break;
      return grouped(n);
    case 'percent':
      if (n === null) break;
      return `${Math.round(Number(n) * 1000) / 10}%`;
    case 'status':
      if (value === 'confirmed') return locale === 'ja' ? '担当者が確認済み' : 'confirmed by an officer';
      if (value === 'pending') return locale === 'ja' ? '担当者の確認待ち' : 'awaiting an officer\'s decision';
      break;
    case 'list':
      if (Array.isArray(value)) return localList(locale, value.map((v) => format(v, null, locale)));
      break;
    default:
      break;
  }
  if (Array.isArray(value)) return localList(locale, value.map((v) => format(v, null, locale)));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Renders a message with the values recorded for a finding. */
export function renderTemplate(template: string, values: Values, locale: 'ja' | 'en'): string {
  return template.replace(PLACEHOLDER, (_all, written: string, filterText?: string) => {
    const path = written.startsWith('values.') ? written.slice('values.'.length) : written;
    const filter = filterText && (TEMPLATE_FILTERS as readonly string[]).includes(filterText) ? (filterText as TemplateFilter) : null;
    return format(valueAt(values, path), filter, locale);
  });
}
