-- AlterTable
ALTER TABLE "WatchlistEntry" ADD COLUMN     "listedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Entries that exist already were listed when they were imported (created); the migration's own time
-- would make every past fiscal year report them as "not listed at the time".
UPDATE "WatchlistEntry" SET "listedAt" = "createdAt";

-- CreateTable
CREATE TABLE "WatchlistListingPeriod" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "entryId" UUID NOT NULL,
    "listedAt" TIMESTAMPTZ(6) NOT NULL,
    "removedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "WatchlistListingPeriod_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WatchlistListingPeriod_entryId_idx" ON "WatchlistListingPeriod"("entryId");

-- AddForeignKey
ALTER TABLE "WatchlistListingPeriod" ADD CONSTRAINT "WatchlistListingPeriod_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "WatchlistEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

