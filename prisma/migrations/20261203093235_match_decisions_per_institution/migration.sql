-- Watchlist-match decisions belong to the institution that made them (issue 12, item 5). Screening
-- results (EntityMatch) stay shared; each institution's CONFIRMED/DISMISSED lives in MatchDecision, and
-- no row means PENDING for that institution.

-- CreateTable
CREATE TABLE "MatchDecision" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "matchId" UUID NOT NULL,
    "institutionId" UUID NOT NULL,
    "status" "MatchStatus" NOT NULL,
    "decidedById" UUID NOT NULL,
    "decidedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT,

    CONSTRAINT "MatchDecision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MatchDecision_institutionId_status_idx" ON "MatchDecision"("institutionId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "MatchDecision_matchId_institutionId_key" ON "MatchDecision"("matchId", "institutionId");

-- AddForeignKey
ALTER TABLE "MatchDecision" ADD CONSTRAINT "MatchDecision_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "EntityMatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MatchDecision" ADD CONSTRAINT "MatchDecision_institutionId_fkey" FOREIGN KEY ("institutionId") REFERENCES "Institution"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing decisions go to the institution they were made in: the one named by the latest audited
-- decision on the match; failing that, each institution where the decider is an officer. A decision
-- with neither (no decider, or one without an officer role) is dropped: the match is pending again and
-- an officer decides it, rather than an institution silently inheriting someone else's dismissal.
INSERT INTO "MatchDecision" ("matchId", "institutionId", "status", "decidedById", "decidedAt", "note")
SELECT m.id, inst.id, m.status, m."decidedById", COALESCE(m."decidedAt", now()), m.note
FROM "EntityMatch" m
CROSS JOIN LATERAL (
  SELECT COALESCE(
    (SELECT ARRAY[a."institutionId"] FROM "AuditEvent" a
      WHERE a."entityType" = 'EntityMatch' AND a."entityId" = m.id::text AND a.action = 'review.match.decision'
        AND a.outcome = 'SUCCESS' AND a."institutionId" IS NOT NULL
      ORDER BY a.id DESC LIMIT 1),
    (SELECT array_agg(DISTINCT ms."institutionId") FROM "Membership" ms
      WHERE ms."userId" = m."decidedById" AND ms.role = 'OFFICER' AND ms."institutionId" IS NOT NULL)
  ) AS ids
) owner
CROSS JOIN LATERAL unnest(owner.ids) AS inst(id)
WHERE m.status <> 'PENDING' AND m."decidedById" IS NOT NULL
  AND EXISTS (SELECT 1 FROM "Institution" i WHERE i.id = inst.id);

-- AlterTable
ALTER TABLE "EntityMatch" DROP COLUMN "decidedAt",
DROP COLUMN "decidedById",
DROP COLUMN "note",
DROP COLUMN "status";

-- Each disclosure's pending count now counts only its own institution's decisions.
UPDATE "Disclosure" d SET "pendingMatches" = sub.n
FROM (
  SELECT x.id, (
    SELECT count(DISTINCT m.id) FROM "DisclosureOrganisation" o
    JOIN "EntityMatch" m ON m."organisationKey" = CASE WHEN o."entityId" IS NOT NULL THEN 'entity:' || o."entityId"::text ELSE 'name:' || o."normalizedName" END
    JOIN "WatchlistEntry" we ON we.id = m."watchlistEntryId" AND (we."retiredAt" IS NULL OR we."retiredAt" > now())
    WHERE o."disclosureId" = x.id
      AND o."versionId" = (SELECT v.id FROM "DisclosureVersion" v WHERE v."disclosureId" = x.id ORDER BY v.number DESC LIMIT 1)
      AND NOT EXISTS (SELECT 1 FROM "MatchDecision" md WHERE md."matchId" = m.id AND md."institutionId" = x."institutionId")
  )::int AS n
  FROM "Disclosure" x
) sub
WHERE d.id = sub.id AND d."pendingMatches" <> sub.n;
