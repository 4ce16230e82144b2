// Rule conditions and messages without a database: checking expressions (a malformed one is refused
// with its position and the parser's message), templating, and what a finding records.
import { describe, expect, it } from 'vitest';
import { sampleContent } from '@/lib/disclosures/sample';
import { checkExpression } from './cel-env';
import { compileRule, evaluateRules, type RuleDefinition } from './evaluate';
import { STARTER_RULES } from './starter';
import { renderTemplate } from './template';
import { problemsOfRule } from './validate';
import { buildView, type WatchlistHit } from './view';

const rule = (o: Partial<RuleDefinition>): RuleDefinition => ({
  id: crypto.randomUUID(),
  code: 'test-rule',
  titleJa: 'テスト',
  titleEn: 'Test',
  forEach: null,
  expression: 'true',
  severity: 'REVIEW',
  messageJa: 'テスト',
  messageEn: 'Test',
  citationJa: 'テスト',
  citationEn: 'Test',
  params: {},
  ...o,
});

const eulHit: WatchlistHit = {
  code: 'jp-meti-end-user-list',
  kind: 'WATCHLIST',
  list: 'METI End User List (sample copy)',
  listJa: '経済産業省 外国ユーザーリスト（サンプル）',
  name: 'BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS',
  reference: 'meti-1',
  score: 0.95,
  status: 'pending',
  matchedNames: ['Beihang University'],
};

function view() {
  const content = sampleContent();
  const p = content.programmes.items[0]!;
  return buildView({
    content,
    cycle: { code: 'FY2026', fiscalYear: 2026 },
    rates: { CNY: '20.80' },
    institution: { slug: 'demo-univ', country: 'JP' },
    eradNumber: '10000001',
    grants: [
      { fiscalYear: 2020, projectNumber: 'A', amountJpy: 80_000_000n },
      { fiscalYear: 2025, projectNumber: 'B', amountJpy: 40_000_000n },
    ],
    hitsByRef: new Map([[`programmes/${p.id}/sponsor`, [eulHit]]]),
    liveAttachmentIds: new Set(),
  });
}

describe('checking a condition', () => {
  it.each([
    ['a syntax error', 'item.organisation.foreign &&', 'appointments', { kind: 'parse', line: 1, column: 29 }],
    ['an error on the second line', 'item.organisation.foreign &&\n  item.hasContract ==', 'appointments', { kind: 'parse', line: 2, column: 22 }],
    ['a field the view does not have', 'item.organisation.nationality == "CN"', 'appointments', { kind: 'type', line: 1, column: 19 }],
    ['a misspelt variable', 'grant.total10y > 1', null, { kind: 'type', line: 1, column: 1 }],
    ['a type error', 'grants.total10y > "many"', null, { kind: 'type', line: 1, column: 1 }],
    ['a non-boolean result', 'grants.total10y', null, { kind: 'result', line: 1, column: 1 }],
    ['item outside a per-item rule', 'item.hasContract', null, { kind: 'type', line: 1, column: 1 }],
    ['an undefined parameter', 'item.totalJpy > params.thresholdYen', 'support', { kind: 'params', line: 1, column: 17 }],
  ] as const)('refuses %s, saying where and why', (_label, expression, forEach, expected) => {
    const r = checkExpression(expression, forEach, ['thresholdJpy']);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ kind: expected.kind, position: { line: expected.line, column: expected.column } });
    expect(r.problem.message.length).toBeGreaterThan(5);
  });

  it("keeps the parser's own message", () => {
    const r = checkExpression('item.organisation.nmae == "x"', 'appointments');
    expect(!r.ok && r.problem.message).toBe('No such key: nmae');
    const p = checkExpression('(1 + ', null);
    expect(!p.ok && p.problem).toMatchObject({ kind: 'parse', message: 'Unexpected token: EOF', position: { line: 1, column: 6 } });
  });

  it('accepts every starter rule, and reports the list codes and parameters a condition names', () => {
    for (const r of STARTER_RULES) {
      const p = problemsOfRule({ ...r, params: r.params });
      expect(p.expression, r.code).toBeUndefined();
      expect(p.messageJa, r.code).toBeUndefined();
      expect(p.messageEn, r.code).toBeUndefined();
    }
    const r = checkExpression('onList(item.sponsor, "jp-meti-end-user-list", params.min) || inGroup(item.sponsor, "cn-sastind-seven-sons")', 'programmes', ['min']);
    expect(r.ok && { lists: r.listCodes, params: r.paramNames }).toEqual({ lists: ['jp-meti-end-user-list', 'cn-sastind-seven-sons'], params: ['min'] });
  });

  it('refuses message placeholders that name nothing, unknown filters and undefined parameters', () => {
    const base = { forEach: 'support', expression: 'item.source.foreign', params: { thresholdJpy: 1 } };
    expect(problemsOfRule({ ...base, messageJa: '{{item.source.nmae}}', messageEn: 'ok' }).messageJa).toEqual({ placeholder: '{{item.source.nmae}}', reason: 'path' });
    expect(problemsOfRule({ ...base, messageJa: 'ok', messageEn: '{{item.totalJpy|euro}}' }).messageEn).toEqual({ placeholder: '{{item.totalJpy|euro}}', reason: 'filter' });
    expect(problemsOfRule({ ...base, messageJa: '{{params.other}}', messageEn: 'ok' }).messageJa).toMatchObject({ reason: 'param' });
    expect(problemsOfRule({ ...base, messageJa: '{{hit.score}} {{values.item.totalJpy|yen}}', messageEn: '{{params.thresholdJpy|number}}' })).toEqual({ listCodes: [] });
  });
});

describe('messages', () => {
  it('quote recorded values with filters, in each language', () => {
    const values = { 'item.totalJpy': 6_240_000, 'params.thresholdJpy': 5_000_000, 'item.source': { name: 'Example Foundation' }, hit: { score: 0.95, status: 'pending' } };
    expect(renderTemplate('{{item.source.name}}: {{item.totalJpy|yen}} > {{ params.thresholdJpy | yen }} ({{hit.score|percent}}, {{hit.status|status}})', values, 'en')).toBe(
      "Example Foundation: ¥6,240,000 > ¥5,000,000 (95%, awaiting an officer's decision)",
    );
    expect(renderTemplate('{{values.item.totalJpy|yen}}（{{hit.status|status}}）', values, 'ja')).toBe('6,240,000円（担当者の確認待ち）');
    expect(renderTemplate('{{item.missing}} / {{grants.byYear}}', { 'grants.byYear': { '2025': 1 } }, 'en')).toBe('— / {"2025":1}');
  });
});

describe('evaluating rules', () => {
  it('records the values the condition and the messages read, and the watchlist match a helper relied on', () => {
    const compiled = compileRule(
      rule({
        forEach: 'programmes',
        expression: 'onList(item.sponsor, "jp-meti-end-user-list", params.min) && grants.total(10) > params.grantsJpy',
        messageEn: '{{item.sponsor.name}} is on {{hit.list}} as {{hit.name}} ({{hit.score}}); grants {{grants.total10y|yen}}',
        params: { min: 0.9, grantsJpy: 100_000_000 },
      }),
    );
    const [f] = evaluateRules([compiled], view());
    const p = sampleContent().programmes.items[0]!; // ids differ per call: compare the shape
    expect(f?.itemRef).toMatch(/^programmes\/[0-9a-f-]+\/sponsor$/);
    expect(f?.itemRef).not.toContain(p.id);
    expect(f?.values).toMatchObject({
      'item.sponsor': expect.objectContaining({ name: 'Beihang University', foreign: true }),
      'params.min': 0.9,
      'params.grantsJpy': 100_000_000,
      'grants.total10y': 120_000_000,
      hit: { code: 'jp-meti-end-user-list', name: 'BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS', score: 0.95, status: 'pending', organisation: 'Beihang University' },
    });
    expect(f?.messageEn).toBe(
      'Beihang University is on METI End User List (sample copy) as BEIJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS (0.95); grants ¥120,000,000',
    );
  });

  it('summarises whole sections in the recorded values instead of copying them', () => {
    const [f] = evaluateRules([compileRule(rule({ expression: 'appointments.size() > 0 && grants.total5y >= 0' }))], view());
    expect(f?.values).toEqual({ appointments: { count: 1 }, 'grants.total5y': 40_000_000 });
    expect(f?.itemRef).toBeNull();
  });

  it('a pending match below the minimum score does not count; a lower minimum does', () => {
    const at = (min: number) => evaluateRules([compileRule(rule({ forEach: 'programmes', expression: `onList(item.sponsor, "jp-meti-end-user-list", ${min})` }))], view());
    expect(at(0.96)).toEqual([]);
    expect(at(0.95)).toHaveLength(1);
  });

  it('a rule that cannot be evaluated, or no longer compiles, produces a "needs review" finding that says why', () => {
    const noRate = compileRule(rule({ forEach: 'appointments', expression: 'item.compensation.jpy > 1', severity: 'FLAG' }));
    const v = view();
    delete v.appointments[0]!.compensation!.jpy;
    const [f] = evaluateRules([noRate], v);
    expect(f).toMatchObject({ severity: 'REVIEW', itemRef: v.appointments[0]!.ref, values: { error: 'No such key: jpy' } });
    expect(f?.messageEn).toContain('could not be evaluated');
    const broken = compileRule(rule({ expression: 'grants.nothing > 1' }));
    expect(evaluateRules([broken], v)[0]).toMatchObject({ severity: 'REVIEW', values: { error: 'No such key: nothing' } });
  });
});
