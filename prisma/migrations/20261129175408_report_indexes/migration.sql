-- CreateIndex
CREATE INDEX "Disclosure_cycleId_researcherName_id_idx" ON "Disclosure"("cycleId", "researcherName", "id");

-- CreateIndex
CREATE INDEX "DisclosureOrganisation_versionId_idx" ON "DisclosureOrganisation"("versionId");

-- CreateIndex
CREATE INDEX "ApiToken_ownerId_idx" ON "ApiToken"("ownerId");

