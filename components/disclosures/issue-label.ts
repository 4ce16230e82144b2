// A readable name for a form path of a section ("items.0.organisation.name" → "Entry 1 · Organisation ·
// Organisation name (English)"), for error summaries and the list of what is missing before submission.
import { type FieldPath, fieldLabels, optionLabelKey, partLabels } from '@/lib/disclosures/labels';
import type { SectionKey } from '@/lib/disclosures/sections';

type T = (key: string, values?: Record<string, string | number>) => string;

const partsOf: Record<string, Record<string, string>> = {
  money: partLabels.money,
  organisation: partLabels.organisation,
  timeCommitment: partLabels.timeCommitment,
  personMonthsPerYear: partLabels.personMonthsPerYear,
};

const MONEY_FIELDS = new Set(['compensation', 'benefitsValue', 'totalAmount', 'inKindValue', 'value']);
const ORG_FIELDS = new Set(['organisation', 'programme', 'sponsor', 'source', 'placeOfPerformance']);

function partLabel(field: string, rest: string[], t: T): string | null {
  const part = rest.find((p) => !/^\d+$/.test(p));
  if (!part) return null;
  if (field === 'obligations') return t(optionLabelKey('programmes.obligations', part as never));
  const group = MONEY_FIELDS.has(field) ? 'money' : ORG_FIELDS.has(field) ? 'organisation' : field;
  const key = partsOf[group]?.[part];
  return key ? t(key) : null;
}

export function issueLabel(section: SectionKey, path: string, t: T): string {
  const parts = path.split('.').filter(Boolean);
  const inItem = parts[0] === 'items' && parts[1] !== undefined && /^\d+$/.test(parts[1]);
  const field = inItem ? parts[2] : parts[0];
  const rest = inItem ? parts.slice(3) : parts.slice(1);
  const labels: string[] = [];
  if (inItem) labels.push(t('filing.form.entryN', { n: Number(parts[1]) + 1 }));
  if (field) {
    const key = fieldLabels[`${section}.${field}` as FieldPath];
    if (key) labels.push(t(key));
    const part = partLabel(field, rest, t);
    if (part) labels.push(part);
  } else if (!inItem && parts[0] === 'items') {
    labels.push(t('filing.form.entries'));
  }
  return labels.length ? labels.join(' · ') : t(`disclosure.sections.${section}.title`);
}
