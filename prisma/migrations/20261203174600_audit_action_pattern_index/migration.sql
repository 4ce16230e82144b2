-- DropIndex
DROP INDEX "AuditEvent_institutionId_action_id_idx";

-- CreateIndex
CREATE INDEX "AuditEvent_institutionId_action_id_idx" ON "AuditEvent"("institutionId", "action" text_pattern_ops, "id");

