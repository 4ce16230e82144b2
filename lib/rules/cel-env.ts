// The CEL environments rule expressions are checked and evaluated in: the view v1 types and variables
// (view-schema.ts), `params` (the rule's parameters) and, in per-item rules, `item`. A few helper
// functions keep common conditions readable; the ones about watchlists note the match they found, so
// the finding can quote it (see `takeTrace`).
//
// Integers are BigInt in this CEL library: the view carries BigInt and params are converted with
// `celParams`. Environments are built once per process (building one is the expensive part).
//
// Pure: no database, safe to import anywhere.
import { Environment, type ASTNode, type ParseResult } from '@marcbachmann/cel-js';
import { grantsTotal, type WatchlistHit } from './view';
import { FOR_EACH_TYPES, VIEW_TYPES, VIEW_VARIABLES, type ForEach } from './view-schema';

/** A watchlist match a helper function relied on, with the organisation it belongs to. */
export interface TracedHit extends WatchlistHit {
  /** Item reference of the organisation: "programmes/<id>/sponsor". */
  ref: string;
  organisation: string;
}

// Helpers run synchronously inside one evaluation at a time, so a module-level trace is safe.
let trace: TracedHit[] = [];

/** The matches helper functions relied on since the last call (and resets the trace). */
export function takeTrace(): TracedHit[] {
  const t = trace;
  trace = [];
  return t;
}

/** Objects reach functions either as plain objects or as the library's typed wrappers (Maps). */
function field<T>(value: unknown, key: string): T | undefined {
  if (value instanceof Map) return value.get(key) as T | undefined;
  return (value as Record<string, T> | null | undefined)?.[key];
}

function findHit(org: unknown, code: string, o: { minScore?: number; group?: boolean; confirmedOnly?: boolean }): boolean {
  const hits = field<WatchlistHit[]>(org, 'watchlists') ?? [];
  const hit = hits.find(
    (h) =>
      h.code === code &&
      (!o.group || h.kind === 'GROUP') &&
      (h.status === 'confirmed' || (!o.confirmedOnly && (o.minScore === undefined || h.score >= o.minScore))),
  );
  if (hit) trace.push({ ...hit, ref: field<string>(org, 'ref') ?? '', organisation: field<string>(org, 'name') ?? '' });
  return Boolean(hit);
}

/** Helper functions, documented in docs/rules-view.md. */
export const HELPER_SIGNATURES = [
  'onList(Organisation, string): bool',
  'onList(Organisation, string, double): bool',
  'inGroup(Organisation, string): bool',
  'inGroup(Organisation, string, double): bool',
  'confirmedOn(Organisation, string): bool',
  'Grants.total(int): int',
] as const;

/** Functions whose second argument names a watchlist by its code (checked against the lists on save). */
export const LIST_FUNCTIONS = new Set(['onList', 'inGroup', 'confirmedOn']);

function baseEnvironment(): Environment {
  const env = new Environment({ homogeneousAggregateLiterals: false, limits: { maxAstNodes: 2000, maxDepth: 50 } });
  for (const [name, fields] of Object.entries(VIEW_TYPES)) env.registerType(name, { fields: { ...fields } });
  for (const [name, type] of Object.entries(VIEW_VARIABLES)) env.registerVariable(name, type);
  env.registerVariable('params', 'map<string, dyn>');
  env
    .registerFunction('onList(Organisation, string): bool', (o: unknown, c: string) => findHit(o, c, {}))
    .registerFunction('onList(Organisation, string, double): bool', (o: unknown, c: string, s: number) =>
      findHit(o, c, { minScore: s }),
    )
    .registerFunction('inGroup(Organisation, string): bool', (o: unknown, c: string) => findHit(o, c, { group: true }))
    .registerFunction('inGroup(Organisation, string, double): bool', (o: unknown, c: string, s: number) =>
      findHit(o, c, { group: true, minScore: s }),
    )
    .registerFunction('confirmedOn(Organisation, string): bool', (o: unknown, c: string) =>
      findHit(o, c, { confirmedOnly: true }),
    )
    .registerFunction('Grants.total(int): int', (g: unknown, years: bigint) =>
      grantsTotal(field<Map<bigint, bigint>>(g, 'byYear') ?? new Map(), field<bigint>(g, 'throughYear') ?? 0n, years),
    );
  return env;
}

interface Environments {
  disclosure: Environment;
  perItem: Record<ForEach, Environment>;
  /** For message placeholders: also knows `hit`. */
  templates: Record<ForEach | 'disclosure', Environment>;
}

const g = globalThis as { __kaijiCelEnvs?: Environments };

function environments(): Environments {
  if (g.__kaijiCelEnvs) return g.__kaijiCelEnvs;
  const base = baseEnvironment();
  const withHit = (env: Environment) => env.clone().registerVariable('hit', 'WatchlistHit');
  const perItem = {} as Record<ForEach, Environment>;
  const templates = {} as Record<ForEach | 'disclosure', Environment>;
  for (const [key, type] of Object.entries(FOR_EACH_TYPES) as [ForEach, string][]) {
    perItem[key] = base.clone().registerVariable('item', type);
  }
  const disclosure = base.clone();
  for (const key of Object.keys(perItem) as ForEach[]) templates[key] = withHit(perItem[key]);
  templates.disclosure = withHit(disclosure);
  g.__kaijiCelEnvs = { disclosure, perItem, templates };
  return g.__kaijiCelEnvs;
}

export function environmentFor(forEach: ForEach | null): Environment {
  const envs = environments();
  return forEach ? envs.perItem[forEach] : envs.disclosure;
}

export function templateEnvironmentFor(forEach: ForEach | null): Environment {
  return environments().templates[forEach ?? 'disclosure'];
}

/** Where in the expression something went wrong: 1-based line and column, 0-based offset. */
export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

export function positionOf(source: string, offset: number): SourcePosition {
  const before = source.slice(0, Math.max(0, Math.min(offset, source.length)));
  const lines = before.split('\n');
  return { offset, line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

export type ExpressionProblem = {
  kind: 'parse' | 'type' | 'result' | 'params' | 'empty';
  /** The library's (English) message, without its source excerpt. */
  message: string;
  position: SourcePosition | null;
};

export type ExpressionCheck =
  | { ok: true; type: string; ast: ASTNode; paramNames: string[]; listCodes: string[] }
  | { ok: false; problem: ExpressionProblem };

interface CelErrorLike {
  name?: string;
  summary?: string;
  message?: string;
  range?: { start: number; end: number };
}

function problemOf(source: string, err: CelErrorLike, kind: 'parse' | 'type'): ExpressionProblem {
  const start = err.range?.start;
  return {
    kind,
    message: err.summary ?? err.message ?? String(err),
    position: typeof start === 'number' ? positionOf(source, start) : null,
  };
}

/** `params.<name>` uses and list codes named as literals in onList/inGroup/confirmedOn calls. */
export function referencesOf(ast: ASTNode): { paramNames: string[]; listCodes: string[] } {
  const params = new Set<string>();
  const codes = new Set<string>();
  walk(ast, (node) => {
    if (node.op === '.' && node.args[0].op === 'id' && node.args[0].args === 'params') params.add(node.args[1]);
    if (node.op === '[]' && node.args[0].op === 'id' && node.args[0].args === 'params' && node.args[1].op === 'value') {
      params.add(String(node.args[1].args));
    }
    if (node.op === 'call' && LIST_FUNCTIONS.has(node.args[0])) {
      const code = node.args[1][1];
      if (code?.op === 'value' && typeof code.args === 'string') codes.add(code.args);
    }
  });
  return { paramNames: [...params], listCodes: [...codes] };
}

/** Visits every node of an expression tree. */
export function walk(node: ASTNode, visit: (node: ASTNode) => void): void {
  visit(node);
  const children = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) children(v);
      return;
    }
    if ('op' in value && 'args' in value) walk(value as ASTNode, visit);
  };
  children(node.args);
}

/**
 * Parses and type-checks an expression against view v1 (with `item` of the forEach collection). A
 * rule's condition must be boolean; every `params.x` it uses must be one of `paramNames` when given.
 */
export function checkExpression(expression: string, forEach: ForEach | null, paramNames?: readonly string[]): ExpressionCheck {
  if (!expression.trim()) return { ok: false, problem: { kind: 'empty', message: 'The expression is empty.', position: null } };
  const env = environmentFor(forEach);
  let parsed: ParseResult;
  try {
    parsed = env.parse(expression);
  } catch (err) {
    return { ok: false, problem: problemOf(expression, err as CelErrorLike, 'parse') };
  }
  const checked = parsed.check();
  if (!checked.valid) {
    const err = checked.error as CelErrorLike;
    return { ok: false, problem: problemOf(expression, err, err.name === 'ParseError' ? 'parse' : 'type') };
  }
  if (checked.type !== 'bool' && checked.type !== 'dyn') {
    return {
      ok: false,
      problem: { kind: 'result', message: `A rule's condition must be true or false (bool); this one is ${checked.type}.`, position: positionOf(expression, 0) },
    };
  }
  const refs = referencesOf(parsed.ast);
  if (paramNames) {
    const missing = refs.paramNames.filter((p) => !paramNames.includes(p));
    if (missing.length) {
      const at = expression.indexOf(`params.${missing[0]}`);
      return {
        ok: false,
        problem: { kind: 'params', message: `Unknown parameter: ${missing.join(', ')} (define it in the rule's parameters).`, position: at >= 0 ? positionOf(expression, at) : null },
      };
    }
  }
  return { ok: true, type: checked.type ?? 'bool', ast: parsed.ast, ...refs };
}

/** A compiled expression, ready to evaluate many times. */
export function compileExpression(expression: string, forEach: ForEach | null): ParseResult {
  return environmentFor(forEach).parse(expression);
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type CelValue = string | number | bigint | boolean | null | CelValue[] | { [key: string]: CelValue };

/** Rule.params (JSON) as CEL values: whole numbers become int (BigInt), other numbers double. */
export function celParams(params: unknown): Record<string, CelValue> {
  const convert = (v: Json): CelValue => {
    if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
    if (Array.isArray(v)) return v.map(convert);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, convert(x)]));
    return v;
  };
  if (!params || typeof params !== 'object' || Array.isArray(params)) return {};
  return convert(params as Json) as Record<string, CelValue>;
}
