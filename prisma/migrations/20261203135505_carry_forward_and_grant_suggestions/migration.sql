-- CreateEnum
CREATE TYPE "CarryState" AS ENUM ('PENDING', 'CONFIRMED', 'EDITED', 'ENDED');

-- CreateEnum
CREATE TYPE "GrantSuggestionDecision" AS ENUM ('ACCEPTED', 'DISMISSED');

-- CreateTable
CREATE TABLE "CarriedItem" (
    "disclosureId" UUID NOT NULL,
    "itemId" UUID NOT NULL,
    "section" TEXT NOT NULL,
    "fromVersionId" UUID NOT NULL,
    "carriedHash" TEXT NOT NULL,
    "state" "CarryState" NOT NULL DEFAULT 'PENDING',
    "endedOn" DATE,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "CarriedItem_pkey" PRIMARY KEY ("disclosureId","itemId")
);

-- CreateTable
CREATE TABLE "GrantSuggestion" (
    "researcherId" UUID NOT NULL,
    "funder" TEXT NOT NULL,
    "projectNumber" TEXT NOT NULL,
    "decision" "GrantSuggestionDecision" NOT NULL,
    "disclosureId" UUID,
    "itemId" UUID,
    "decidedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GrantSuggestion_pkey" PRIMARY KEY ("researcherId","funder","projectNumber")
);

-- AddForeignKey
ALTER TABLE "CarriedItem" ADD CONSTRAINT "CarriedItem_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantSuggestion" ADD CONSTRAINT "GrantSuggestion_researcherId_fkey" FOREIGN KEY ("researcherId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

