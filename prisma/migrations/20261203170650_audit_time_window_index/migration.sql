-- DropIndex
DROP INDEX "AuditEvent_occurredAt_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_institutionId_action_id_idx" ON "AuditEvent"("institutionId", "action", "id");

-- CreateIndex
CREATE INDEX "AuditEvent_occurredAt_id_idx" ON "AuditEvent"("occurredAt", "id");

