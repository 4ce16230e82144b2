// The rules in force at a moment: for each ruleset, the version whose effective period contains it
// (the ACTIVE version, or a RETIRED one whose successor only takes effect later). Compiled rules are
// cached by their content, so a submission does not parse expressions again.
import 'server-only';
import type { Tx } from '@/lib/db/client';
import { db } from '@/lib/db/client';
import { compileRule, type CompiledRule, type RuleDefinition } from './evaluate';

export const RULE_SELECT = {
  id: true,
  code: true,
  titleJa: true,
  titleEn: true,
  forEach: true,
  expression: true,
  severity: true,
  messageJa: true,
  messageEn: true,
  citationJa: true,
  citationEn: true,
  params: true,
} as const;

const g = globalThis as { __kaijiCompiledRules?: Map<string, CompiledRule> };

/** Compiles (or takes from the cache) rules as stored. */
export function compiled(defs: readonly RuleDefinition[]): CompiledRule[] {
  const cache = (g.__kaijiCompiledRules ??= new Map());
  return defs.map((def) => {
    const key = JSON.stringify([def.id, def.forEach, def.expression, def.messageJa, def.messageEn, def.severity, def.params]);
    let rule = cache.get(key);
    if (!rule) {
      if (cache.size > 2000) cache.clear();
      rule = compileRule(def);
      cache.set(key, rule);
    }
    return rule;
  });
}

export interface RulesInForce {
  versionIds: string[];
  rules: CompiledRule[];
}

export async function rulesInForce(client: Tx | typeof db = db, at = new Date()): Promise<RulesInForce> {
  const versions = await client.rulesetVersion.findMany({
    where: {
      status: { in: ['ACTIVE', 'RETIRED'] },
      effectiveFrom: { lte: at },
      OR: [{ effectiveTo: null }, { effectiveTo: { gt: at } }],
    },
    orderBy: [{ rulesetId: 'asc' }, { version: 'desc' }],
    select: { id: true, rulesetId: true, rules: { select: RULE_SELECT, orderBy: { code: 'asc' } } },
  });
  const seen = new Set<string>();
  const chosen = versions.filter((v) => !seen.has(v.rulesetId) && seen.add(v.rulesetId));
  return { versionIds: chosen.map((v) => v.id), rules: compiled(chosen.flatMap((v) => v.rules)) };
}
