// A stable reference to an item, or a field of an item, of a disclosure: "appointments/<itemId>" or
// "appointments/<itemId>/organisation". Item ids are made in the browser and survive versions, so the same
// reference names the same thing in every version (findings, attachments, organisations, diffs).
import { isRepeatingSectionKey, type RepeatingSectionKey } from './sections';

export type ItemRef = `${RepeatingSectionKey}/${string}`;

export function itemRef(section: RepeatingSectionKey, itemId: string, field?: string): ItemRef {
  return field ? `${section}/${itemId}/${field}` : `${section}/${itemId}`;
}

export function parseItemRef(
  ref: string,
): { section: RepeatingSectionKey; itemId: string; field?: string } | null {
  const [section, itemId, field, ...rest] = ref.split('/');
  if (!section || !itemId || !isRepeatingSectionKey(section) || rest.length > 0) return null;
  return field ? { section, itemId, field } : { section, itemId };
}
