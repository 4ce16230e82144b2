// Per-section completeness for the researcher's progress view, computed from draft data by running the
// submit-time schema: "complete" here means exactly "would pass at submit".
import { toFieldIssues, type FieldIssue } from './errors';
import { toFieldPath, type FieldPath } from './labels';
import { completeSchemas, emptySection, sectionKeys, type DraftContent, type SectionKey } from './sections';

export type SectionState = 'not_started' | 'in_progress' | 'complete';

/** What stands between a section and submission; `field` gives the label, `itemId` the entry. */
export type ProgressIssue = FieldIssue & { field?: FieldPath; itemId?: string };

export type SectionProgress = { section: SectionKey; state: SectionState; issues: ProgressIssue[] };

export type DisclosureProgress = {
  sections: SectionProgress[];
  completeCount: number;
  total: number;
  readyToSubmit: boolean;
};

function hasValue(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.some(hasValue);
  if (typeof value === 'object') return Object.values(value).some(hasValue);
  return true;
}

// Also given a form's raw values (the browser's check), where a section may have no items array yet.
function isUntouched(section: SectionKey, data: unknown): boolean {
  if (section === 'profile') return !hasValue(data);
  const { nothingToDisclose, items } = (data ?? {}) as Partial<DraftContent['appointments']>;
  return !nothingToDisclose && !(Array.isArray(items) && items.length > 0);
}

// Issue paths are "orcid" (profile), "nothingToDisclose", or "items.<index>.<field>[.<part>]".
function describe(section: SectionKey, data: unknown, issue: FieldIssue): ProgressIssue {
  const [first, index, name] = issue.path.split('.');
  const inItem = section !== 'profile' && first === 'items' && index !== undefined;
  const itemId = inItem ? (data as DraftContent['appointments']).items[Number(index)]?.id : undefined;
  const field = toFieldPath(section, inItem ? name : first);
  return { ...issue, ...(field ? { field } : {}), ...(itemId ? { itemId } : {}) };
}

/**
 * The one check of a section against the submit-time schema: the step list, the overview, the review
 * page's list of what is missing (server) and the section form's error summary (browser, as its
 * resolver) all read it, so "Complete" and a list of problems can never be shown for the same values.
 * `issues` are the schema's even for an untouched section (the form reports them when checked).
 */
export function checkSection<K extends SectionKey>(
  section: K,
  data: unknown,
): { state: SectionState; issues: FieldIssue[]; data?: unknown } {
  const value = data ?? emptySection(section);
  const result = completeSchemas[section].safeParse(value);
  const untouched = isUntouched(section, value);
  if (result.success) return { state: untouched ? 'not_started' : 'complete', issues: [], data: result.data };
  return { state: untouched ? 'not_started' : 'in_progress', issues: toFieldIssues(result.error) };
}

export function sectionProgress<K extends SectionKey>(
  section: K,
  data: DraftContent[K] | undefined,
): SectionProgress {
  const value = data ?? emptySection(section);
  const { state, issues } = checkSection(section, value);
  if (state !== 'in_progress') return { section, state, issues: [] };
  return { section, state, issues: issues.map((issue) => describe(section, value, issue)) };
}

/** Sections missing from `content` (no DisclosureSection row yet) count as not started. */
export function disclosureProgress(content: Partial<DraftContent>): DisclosureProgress {
  const sections = sectionKeys.map((key) => sectionProgress(key, content[key]));
  const completeCount = sections.filter((s) => s.state === 'complete').length;
  return { sections, completeCount, total: sections.length, readyToSubmit: completeCount === sections.length };
}
