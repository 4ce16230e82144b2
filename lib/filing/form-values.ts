// Between what a form holds and what the schemas read. Pure: used by the section forms in the browser
// and by their tests. Inputs leave "" in emptied text, date and select fields and NaN in emptied number
// fields; to the model all of these mean "nothing", and an object with nothing in it is no value at all
// (an optional amount left blank is absent, not an amount without digits).
import type { FieldIssue } from '@/lib/disclosures/errors';

export function cleanFormValues(value: unknown): unknown {
  if (value === '' || value === null || (typeof value === 'number' && Number.isNaN(value))) return undefined;
  if (Array.isArray(value)) return value.map(cleanFormValues).filter((v) => v !== undefined);
  if (typeof value === 'object' && value !== undefined) {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => [k, cleanFormValues(v)] as const)
      .filter(([, v]) => v !== undefined);
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  }
  return value;
}

/** A section's values cleaned, never undefined itself (an empty profile is `{}`). */
export function cleanSection(values: unknown): Record<string, unknown> {
  return (cleanFormValues(values) as Record<string, unknown> | undefined) ?? {};
}

/** Issues travel through react-hook-form as their message: the catalog key, and its params as JSON. */
export function encodeIssue(issue: { key: string; params?: FieldIssue['params'] }): string {
  return issue.params ? `${issue.key}|${JSON.stringify(issue.params)}` : issue.key;
}

export function decodeIssue(message: string): { key: string; params?: Record<string, string | number> } {
  const bar = message.indexOf('|');
  if (bar < 0) return { key: message };
  try {
    return { key: message.slice(0, bar), params: JSON.parse(message.slice(bar + 1)) as Record<string, string | number> };
  } catch {
    return { key: message.slice(0, bar) };
  }
}

/** The id of the input for a form path ("items.0.organisation.name"), for labels and error links. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** A v4 UUID for a new item, also where crypto.randomUUID is missing (plain http outside localhost). */
export function newItemId(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A new entry for a list, safe to append where another entry was when the form loaded.
 * react-hook-form fills a field whose value is undefined from the form's *default* values at the same
 * path. After "Remove this entry" then "Add an entry", the new entry sits at an index that the removed
 * entry (or a later one) had at load, so every field the new entry left undefined came back with that
 * entry's values — and autosave stored them. Every key the defaults hold at that index is set to null
 * here (nothing, to cleanFormValues), which stops the fallback for the key and everything under it.
 */
export function blankEntry<T extends Record<string, unknown>>(defaultsAtIndex: unknown, entry: T): T {
  const blank: Record<string, unknown> = {};
  if (defaultsAtIndex && typeof defaultsAtIndex === 'object' && !Array.isArray(defaultsAtIndex)) {
    for (const key of Object.keys(defaultsAtIndex)) blank[key] = null;
  }
  for (const [key, value] of Object.entries(entry)) if (value !== undefined) blank[key] = value;
  return blank as T;
}
