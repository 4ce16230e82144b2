// The draft a researcher edits: their saved section rows over the last submitted version (a returned
// disclosure revises a copy of what was submitted), over empty sections.
import {
  draftSchemas,
  emptySection,
  sectionKeys,
  type DisclosureContent,
  type DraftContent,
  type SectionKey,
} from '@/lib/disclosures/sections';

export type SectionRow = { key: string; data: unknown; revision: number };
export type Revisions = Record<SectionKey, number>;

export function assembleDraft(
  rows: readonly SectionRow[],
  base: DisclosureContent | DraftContent | null,
): { content: DraftContent; revisions: Revisions } {
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const content: Partial<Record<SectionKey, unknown>> = {};
  const revisions = {} as Revisions;
  for (const key of sectionKeys) {
    const row = byKey.get(key);
    const fallback = base?.[key] ?? emptySection(key);
    const parsed = row ? draftSchemas[key].safeParse(row.data) : null;
    // A row that no longer parses (it cannot, short of a schema change) never hides the rest.
    content[key] = parsed?.success ? parsed.data : draftSchemas[key].parse(fallback);
    revisions[key] = row?.revision ?? 0;
  }
  return { content: content as DraftContent, revisions };
}
