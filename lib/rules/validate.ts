// Checks a rule as an administrator wrote it: the condition parses, type-checks against view v1 and
// is boolean; every params.x it uses is defined; every message placeholder names a real path (or hit.*)
// and a known filter. Used by the editor in the browser and by the save action on the server.
//
// Pure: no database, safe to import anywhere.
import { checkExpression, templateEnvironmentFor, type ExpressionProblem } from './cel-env';
import { isPath, placeholdersOf } from './template';
import { VIEW_TYPES, isForEach, type ForEach } from './view-schema';

export interface PlaceholderProblem {
  placeholder: string;
  reason: 'filter' | 'path' | 'param';
}

export interface RuleProblems {
  expression?: ExpressionProblem;
  messageJa?: PlaceholderProblem;
  messageEn?: PlaceholderProblem;
  /** Watchlist codes named in onList/inGroup/confirmedOn (the server checks they exist). */
  listCodes: string[];
}

const HIT_FIELDS = new Set([...Object.keys(VIEW_TYPES.WatchlistHit), 'organisation', 'ref']);

function placeholderProblem(template: string, forEach: ForEach | null, params: Record<string, unknown>): PlaceholderProblem | undefined {
  for (const p of placeholdersOf(template)) {
    if (p.badFilter) return { placeholder: p.raw, reason: 'filter' };
    if (!isPath(p.path)) return { placeholder: p.raw, reason: 'path' };
    const [root, first] = p.path.split('.');
    if (root === 'hit') {
      if (!first || !HIT_FIELDS.has(first)) return { placeholder: p.raw, reason: 'path' };
      continue;
    }
    if (root === 'params') {
      if (!first || !Object.hasOwn(params, first)) return { placeholder: p.raw, reason: 'param' };
      continue;
    }
    const checked = templateEnvironmentFor(forEach).check(p.path);
    if (!checked.valid) return { placeholder: p.raw, reason: 'path' };
  }
  return undefined;
}

export function problemsOfRule(rule: {
  forEach: string | null;
  expression: string;
  messageJa: string;
  messageEn: string;
  params: Record<string, unknown>;
}): RuleProblems {
  const forEach = rule.forEach && isForEach(rule.forEach) ? rule.forEach : null;
  const out: RuleProblems = { listCodes: [] };
  const checked = checkExpression(rule.expression, forEach, Object.keys(rule.params));
  if (checked.ok) out.listCodes = checked.listCodes;
  else out.expression = checked.problem;
  const ja = placeholderProblem(rule.messageJa, forEach, rule.params);
  if (ja) out.messageJa = ja;
  const en = placeholderProblem(rule.messageEn, forEach, rule.params);
  if (en) out.messageEn = en;
  return out;
}

export function hasProblems(p: RuleProblems): boolean {
  return Boolean(p.expression || p.messageJa || p.messageEn);
}
