// What changed between two contents (two versions, or a version and the draft that will replace it).
// Items are matched by id, so reordering is not a change and an edited entry is one change, not a removal
// plus an addition. Values are compared as data: empty values ("", [], absent) are all "nothing".
import { fieldLabels, toFieldPath, type DisclosureMessageKey, type FieldPath } from './labels';
import {
  emptySection,
  sectionFields,
  sectionKeys,
  type DraftContent,
  type RepeatingSectionKey,
  type SectionKey,
} from './sections';

export type FieldChange = { field: FieldPath; label: DisclosureMessageKey; before: unknown; after: unknown };
export type ItemChange = { itemId: string; status: 'added' | 'removed' | 'changed'; changes: FieldChange[] };
/** `changes` holds the profile's fields, or a repeating section's "nothing to disclose". */
export type SectionDiff = { section: SectionKey; changes: FieldChange[]; items: ItemChange[] };
export type ContentDiff = { sections: SectionDiff[]; changed: boolean };

/** Drops empty values and sorts keys, so equal data has one form whatever the editor left behind. */
function canonical(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.length === 0 ? undefined : items;
  }
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => [key, canonical((value as Record<string, unknown>)[key])] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function compareFields(
  section: SectionKey,
  fields: readonly string[],
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const name of fields) {
    const field = toFieldPath(section, name);
    const [b, a] = [before?.[name], after?.[name]];
    if (field && !same(b, a)) changes.push({ field, label: fieldLabels[field], before: b, after: a });
  }
  return changes;
}

type Items = { id: string }[];

function diffItems(section: RepeatingSectionKey, before: Items, after: Items): ItemChange[] {
  const fields = sectionFields[section] as readonly string[];
  const old = new Map(before.map((item) => [item.id, item as Record<string, unknown>]));
  const kept = new Set(after.map((item) => item.id));
  const result: ItemChange[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    const changes = compareFields(section, fields, previous, item as Record<string, unknown>);
    if (!previous) result.push({ itemId: item.id, status: 'added', changes });
    else if (changes.length > 0) result.push({ itemId: item.id, status: 'changed', changes });
  }
  for (const item of before) {
    if (kept.has(item.id)) continue;
    const changes = compareFields(section, fields, item as Record<string, unknown>, undefined);
    result.push({ itemId: item.id, status: 'removed', changes });
  }
  return result;
}

function diffSection<K extends SectionKey>(
  section: K,
  before: DraftContent[K],
  after: DraftContent[K],
): SectionDiff {
  if (section === 'profile') {
    const changes = compareFields(section, sectionFields.profile, before, after);
    return { section, changes, items: [] };
  }
  const [b, a] = [before as DraftContent[RepeatingSectionKey], after as DraftContent[RepeatingSectionKey]];
  return {
    section,
    changes: compareFields(section, ['nothingToDisclose'], b, a),
    items: diffItems(section as RepeatingSectionKey, b.items, a.items),
  };
}

/**
 * Field-by-field differences, sections in form order, unchanged sections left out. Items come in the
 * order of `after`, removed ones last; an added item lists its filled fields, a removed one what it had.
 */
export function diffContent(before: Partial<DraftContent>, after: Partial<DraftContent>): ContentDiff {
  const sections = sectionKeys
    .map((key) => diffSection(key, before[key] ?? emptySection(key), after[key] ?? emptySection(key)))
    .filter((diff) => diff.changes.length > 0 || diff.items.length > 0);
  return { sections, changed: sections.length > 0 };
}
