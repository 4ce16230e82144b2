-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- Backfill of disclosures already submitted (new submissions write the full keys of
-- lib/review/search-keys.ts): the researcher's names (NFKC, lower case, macrons and circumflexes of
-- romaji dropped, hiragana as katakana is not done here), the organisations' normalised names and the
-- registry's normalised names and aliases of those picked from it. Before the index: one build.
UPDATE "Disclosure" d SET "searchText" = concat_ws(E'\n',
    translate(lower(normalize(concat_ws(E'\n', d."researcherName", u."nameKanji", u."nameKana", u."nameRomaji", u."displayName"), NFKC)), 'āīūēōâîûêô', 'aiueoaiueo'),
    (SELECT string_agg(DISTINCT o."normalizedName", E'\n') FROM "DisclosureOrganisation" o WHERE o."disclosureId" = d.id),
    (SELECT string_agg(DISTINCT e."searchText", E'\n') FROM "DisclosureOrganisation" o JOIN "ForeignEntity" e ON e.id = o."entityId" WHERE o."disclosureId" = d.id))
FROM "User" u
WHERE u.id = d."researcherId" AND d."lastSubmittedAt" IS NOT NULL;

-- CreateIndex
CREATE INDEX "Disclosure_searchText_idx" ON "Disclosure" USING GIN ("searchText" gin_trgm_ops);
