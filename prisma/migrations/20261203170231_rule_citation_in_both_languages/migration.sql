-- A rule's guideline citation in each language. The one existing text moves to the field of the
-- language it is written in: any kana or CJK ideograph makes it Japanese (the rule of
-- lib/i18n/text-lang.ts), anything else English. Readers of the other language see it, marked with
-- its language, until an administrator adds theirs.
ALTER TABLE "Rule" ADD COLUMN "citationEn" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "citationJa" TEXT NOT NULL DEFAULT '';

UPDATE "Rule" SET "citationJa" = "citation"
WHERE "citation" ~ '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]';

UPDATE "Rule" SET "citationEn" = "citation"
WHERE "citation" !~ '[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]';

ALTER TABLE "Rule" DROP COLUMN "citation";
