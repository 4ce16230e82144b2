// Evaluates rules over a disclosure view and produces findings that explain themselves: which rule,
// on which item, with the values the condition and the messages read (every view path they name, the
// rule's parameters, and the watchlist match a helper relied on), and the messages rendered from them.
// A rule that cannot be evaluated on a disclosure (a missing exchange rate, a broken expression) is
// never silently passed: it produces a "needs review" finding that says why.
//
// Pure: no database, safe to import anywhere.
import type { ASTNode, ParseResult } from '@marcbachmann/cel-js';
import type { Severity } from '@/lib/generated/prisma/enums';
import { celParams, checkExpression, compileExpression, takeTrace, walk, type ExpressionProblem, type TracedHit } from './cel-env';
import { placeholdersOf, renderTemplate } from './template';
import type { DisclosureView } from './view';
import { isForEach, VIEW_VARIABLES, type ForEach } from './view-schema';

export interface RuleDefinition {
  id: string;
  code: string;
  titleJa: string;
  titleEn: string;
  forEach: string | null;
  expression: string;
  severity: Severity;
  messageJa: string;
  messageEn: string;
  citationJa: string;
  citationEn: string;
  params: unknown;
}

export interface CompiledRule {
  def: RuleDefinition;
  forEach: ForEach | null;
  run: ParseResult | null;
  /** Why the stored rule cannot run (it was valid when saved; the view may have changed since). */
  broken: ExpressionProblem | null;
  /** View paths the condition and the messages read, recorded on each finding. */
  paths: string[];
  params: Record<string, unknown>;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface FindingDraft {
  ruleId: string;
  ruleCode: string;
  severity: Severity;
  itemRef: string | null;
  values: Record<string, JsonValue>;
  messageJa: string;
  messageEn: string;
}

export const SEVERITY_ORDER: Record<Severity, number> = { INFO: 1, REVIEW: 2, FLAG: 3 };

export function maxSeverity(severities: Iterable<Severity>): Severity | null {
  let max: Severity | null = null;
  for (const s of severities) if (!max || SEVERITY_ORDER[s] > SEVERITY_ORDER[max]) max = s;
  return max;
}

const ROOTS = new Set<string>([...Object.keys(VIEW_VARIABLES), 'params', 'item']);

function pathOf(node: ASTNode): string | null {
  if (node.op === 'id') return node.args;
  if (node.op === '.') {
    const head = pathOf(node.args[0]);
    return head === null ? null : `${head}.${node.args[1]}`;
  }
  return null;
}

/** The longest member paths rooted at view variables: `item.organisation.name`, `grants.total10y`. */
export function viewPathsOf(ast: ASTNode): string[] {
  const found = new Set<string>();
  const inner = new Set<ASTNode>();
  walk(ast, (node) => {
    if (node.op === '.') inner.add(node.args[0]);
    if (inner.has(node)) return;
    const path = pathOf(node);
    if (path && ROOTS.has(path.split('.')[0]!)) found.add(path);
  });
  return [...found];
}

export function compileRule(def: RuleDefinition): CompiledRule {
  const forEach = isForEach(def.forEach) ? def.forEach : null;
  const params = celParams(def.params);
  const templatePaths = [...placeholdersOf(def.messageJa), ...placeholdersOf(def.messageEn)]
    .map((p) => p.path)
    .filter((p) => ROOTS.has(p.split('.')[0]!));
  const base = { def, forEach, params };
  if (def.forEach && !forEach) {
    return { ...base, run: null, broken: { kind: 'type', message: `Unknown collection for forEach: ${def.forEach}`, position: null }, paths: [] };
  }
  const checked = checkExpression(def.expression, forEach);
  if (!checked.ok) return { ...base, run: null, broken: checked.problem, paths: [] };
  const paths = [...new Set([...viewPathsOf(checked.ast), ...templatePaths])];
  return { ...base, run: compileExpression(def.expression, forEach), broken: null, paths };
}

/** A value of the view as JSON: BigInt as a number (or a string beyond 2^53), Maps as objects. */
export function toJson(value: unknown, depth = 0): JsonValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (depth > 6) return null;
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJson(v, depth + 1)]));
  if (Array.isArray(value)) {
    // Whole sections are summarised: the finding names its item; the list is in the version.
    if (value.length && value.every((v) => v && typeof v === 'object' && 'id' in v && 'ref' in v)) return { count: value.length };
    return value.slice(0, 20).map((v) => toJson(v, depth + 1));
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v, depth + 1)]));
  }
  return null;
}

function resolve(ctx: Record<string, unknown>, path: string): unknown {
  let v: unknown = ctx;
  for (const part of path.split('.')) {
    if (v instanceof Map) v = v.get(part);
    else if (v && typeof v === 'object' && !Array.isArray(v)) v = (v as Record<string, unknown>)[part];
    else return undefined;
  }
  return v;
}

function hitJson(hit: TracedHit): JsonValue {
  return toJson({
    code: hit.code,
    kind: hit.kind,
    list: hit.list,
    listJa: hit.listJa,
    name: hit.name,
    reference: hit.reference,
    score: hit.score,
    status: hit.status,
    matchedNames: hit.matchedNames,
    organisation: hit.organisation,
    ref: hit.ref,
  });
}

function errorFinding(rule: CompiledRule, itemRef: string | null, message: string): FindingDraft {
  const { def } = rule;
  return {
    ruleId: def.id,
    ruleCode: def.code,
    severity: 'REVIEW',
    itemRef,
    values: { error: message },
    messageJa: `ルール「${def.titleJa}」（${def.code}）をこの開示に適用できませんでした。内容を確認してください（${message}）。`,
    messageEn: `Rule "${def.titleEn}" (${def.code}) could not be evaluated on this disclosure; review it by hand (${message}).`,
  };
}

interface ItemLike {
  ref: string;
}

function evaluateOne(rule: CompiledRule, ctx: Record<string, unknown>, item: ItemLike | null): FindingDraft | null {
  const { def } = rule;
  takeTrace();
  let result: unknown;
  try {
    result = rule.run!(ctx);
  } catch (err) {
    takeTrace();
    const e = err as { summary?: string; message?: string };
    return errorFinding(rule, item?.ref ?? null, e.summary ?? e.message ?? String(err));
  }
  const traced = takeTrace();
  if (typeof result !== 'boolean') return errorFinding(rule, item?.ref ?? null, `the condition returned ${typeof result}, not true or false`);
  if (!result) return null;
  const values: Record<string, JsonValue> = {};
  for (const path of rule.paths) values[path] = toJson(resolve(ctx, path));
  const hit = traced[0];
  if (hit) values.hit = hitJson(hit);
  let itemRef: string | null = item?.ref ?? null;
  if (hit?.ref && (!item || hit.ref.startsWith(`${item.ref}/`))) itemRef = hit.ref;
  return {
    ruleId: def.id,
    ruleCode: def.code,
    severity: def.severity,
    itemRef,
    values,
    messageJa: renderTemplate(def.messageJa, values, 'ja'),
    messageEn: renderTemplate(def.messageEn, values, 'en'),
  };
}

/** Every finding the rules produce for one disclosure view, in rule order, then item order. */
export function evaluateRules(rules: readonly CompiledRule[], view: DisclosureView): FindingDraft[] {
  const findings: FindingDraft[] = [];
  for (const rule of rules) {
    if (rule.broken || !rule.run) {
      findings.push(errorFinding(rule, null, rule.broken?.message ?? 'not compiled'));
      continue;
    }
    const ctx: Record<string, unknown> = { ...view, params: rule.params };
    if (!rule.forEach) {
      const f = evaluateOne(rule, ctx, null);
      if (f) findings.push(f);
      continue;
    }
    for (const item of view[rule.forEach] as ItemLike[]) {
      ctx.item = item;
      const f = evaluateOne(rule, ctx, item);
      if (f) findings.push(f);
    }
  }
  return findings;
}
