// The migration that split Rule.citation into citationJa and citationEn keeps each existing text in the
// field of the language it is written in. Replayed here on rows as they were before it: the column put
// back, rows written with it, then the migration's own statements after its ALTER ... ADD COLUMN.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';

const MIGRATION = path.join(process.cwd(), 'prisma/migrations/20261203170231_rule_citation_in_both_languages/migration.sql');

describe('migration rule_citation_in_both_languages', () => {
  it('moves a Japanese citation to citationJa and any other to citationEn, then drops the old column', async () => {
    const ruleset = await db.ruleset.create({ data: { code: `mig-${randomUUID().slice(0, 8)}`, nameJa: '規則', nameEn: 'Rules' } });
    const version = await db.rulesetVersion.create({ data: { rulesetId: ruleset.id, version: 1, status: 'DRAFT' } });
    await db.$executeRawUnsafe(`ALTER TABLE "Rule" ADD COLUMN "citation" TEXT NOT NULL DEFAULT ''`);
    const cases: [string, string][] = [
      ['ja', '「競争的研究費の適正な執行に関する指針」（2021年12月17日改正）'],
      ['mixed', '研究インテグリティ対応方針; NSPM-33 (2021)'],
      ['kana', 'ガイドライン 7'],
      ['en', 'NIH NOT-OD-21-073: copies of contracts'],
      ['digits', '§4'],
    ];
    for (const [code, citation] of cases) {
      await db.$executeRaw`INSERT INTO "Rule" ("rulesetVersionId", code, "titleJa", "titleEn", expression, severity, "messageJa", "messageEn", citation)
        VALUES (${version.id}::uuid, ${code}, 't', 't', 'true', 'INFO', 'm', 'm', ${citation})`;
    }
    const sql = fs.readFileSync(MIGRATION, 'utf8');
    const statements = sql
      .split(/;\s*\n/)
      .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
      .filter((s) => s && !/ADD COLUMN/.test(s));
    expect(statements).toHaveLength(3);
    for (const s of statements) await db.$executeRawUnsafe(s);

    const rules = await db.rule.findMany({ where: { rulesetVersionId: version.id }, select: { code: true, citationJa: true, citationEn: true } });
    const by = Object.fromEntries(rules.map((r) => [r.code, [r.citationJa, r.citationEn]]));
    expect(by).toEqual({
      ja: [cases[0]![1], ''],
      mixed: [cases[1]![1], ''],
      kana: [cases[2]![1], ''],
      en: ['', cases[3]![1]],
      digits: ['', cases[4]![1]],
    });
    const left = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'Rule' AND column_name = 'citation'`;
    expect(Number(left[0]!.n)).toBe(0);
  });
});
