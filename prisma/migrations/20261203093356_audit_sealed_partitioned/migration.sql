-- CreateTable
CREATE TABLE "AuditSeal" (
    "seq" BIGINT NOT NULL,
    "lastXid" BIGINT NOT NULL,
    "lastId" BIGINT NOT NULL,
    "count" INTEGER NOT NULL,
    "parts" JSONB NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "sealedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditSeal_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "id" BIGSERIAL NOT NULL,
    "sealSeq" BIGINT NOT NULL,
    "sealHash" TEXT NOT NULL,
    "lastId" BIGINT NOT NULL,
    "eventCount" BIGINT NOT NULL,
    "months" JSONB NOT NULL DEFAULT '{}',
    "ok" BOOLEAN NOT NULL,
    "full" BOOLEAN NOT NULL DEFAULT false,
    "brokenSeq" BIGINT,
    "brokenId" BIGINT,
    "reason" TEXT,
    "verifiedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "AuditCheckpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditRetiredMonth" (
    "month" TEXT NOT NULL,
    "events" BIGINT NOT NULL,
    "retiredAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retiredBy" TEXT NOT NULL,

    CONSTRAINT "AuditRetiredMonth_pkey" PRIMARY KEY ("month")
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditSeal_hash_key" ON "AuditSeal"("hash");

-- CreateIndex
CREATE INDEX "AuditCheckpoint_verifiedAt_idx" ON "AuditCheckpoint"("verifiedAt");

-- Written by hand from here on (Prisma cannot express partitioning or triggers).
--
-- AuditEvent is rebuilt as a table partitioned by month of "occurredAt" (UTC months). Existing events
-- keep their id, hash and prevHash (the old per-event chain) and get xid 0, so they sort before every
-- event written from now on; the sealer folds them into the first seal like any other event.
-- The events are set aside in a temporary table and the old table dropped first, so the new one gets the
-- old names (constraints included).
CREATE TEMPORARY TABLE "AuditEvent_unpartitioned" ON COMMIT DROP AS SELECT * FROM "AuditEvent";
ALTER TABLE "AuditEvent" ALTER COLUMN "id" DROP DEFAULT;
ALTER SEQUENCE "AuditEvent_id_seq" OWNED BY NONE;
DROP TABLE "AuditEvent";

CREATE TABLE "AuditEvent" (
    "id" BIGINT NOT NULL DEFAULT nextval('"AuditEvent_id_seq"'::regclass),
    "occurredAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" UUID,
    "actorEmail" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT,
    "entityId" TEXT,
    "institutionId" UUID,
    "outcome" "AuditOutcome" NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "prevHash" TEXT,
    "hash" TEXT NOT NULL,
    "xid" BIGINT NOT NULL DEFAULT (pg_current_xact_id())::text::bigint,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id", "occurredAt")
) PARTITION BY RANGE ("occurredAt");
ALTER SEQUENCE "AuditEvent_id_seq" OWNED BY "AuditEvent"."id";

-- Indexes on the parent are created on every partition, present and future.
CREATE INDEX "AuditEvent_xid_id_idx" ON "AuditEvent"("xid", "id");
CREATE INDEX "AuditEvent_actorEmail_id_idx" ON "AuditEvent"("actorEmail", "id");
CREATE INDEX "AuditEvent_institutionId_id_idx" ON "AuditEvent"("institutionId", "id");
CREATE INDEX "AuditEvent_entityType_entityId_id_idx" ON "AuditEvent"("entityType", "entityId", "id");
CREATE INDEX "AuditEvent_action_id_idx" ON "AuditEvent"("action", "id");
CREATE INDEX "AuditEvent_occurredAt_idx" ON "AuditEvent"("occurredAt");

-- Row triggers on the parent are cloned onto every partition; statement triggers (TRUNCATE) are not, so
-- each partition gets its own from kaiji_audit_partition().
CREATE TRIGGER "AuditEvent_append_only" BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION kaiji_refuse_change();
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION kaiji_refuse_change();

-- The partition of the UTC month that starts at month_start (any day in the month will do), created
-- with its own TRUNCATE trigger; does nothing when it exists. Named AuditEvent_yYYYYmMM.
CREATE FUNCTION kaiji_audit_partition(month_start date) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', month_start)::date;
  name text := format('AuditEvent_y%sm%s', to_char(m, 'YYYY'), to_char(m, 'MM'));
BEGIN
  IF to_regclass(format('%I', name)) IS NULL THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF "AuditEvent" FOR VALUES FROM (%L) TO (%L)', name,
      (m::timestamp AT TIME ZONE 'UTC'), ((m + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
    EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION kaiji_refuse_change()',
      name || '_no_truncate', name);
  END IF;
  RETURN name;
END;
$$;

-- This month and the next `ahead` ones (the daily job audit.partitions keeps three ahead).
CREATE FUNCTION kaiji_audit_ensure_partitions(ahead int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  FOR i IN 0..ahead LOOP
    PERFORM kaiji_audit_partition((date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => i))::date);
  END LOOP;
END;
$$;

-- Months of the existing events, then this month and three ahead; a default partition takes anything
-- outside them (a clock far off), so an audited write never fails for want of a partition.
SELECT kaiji_audit_partition(m::date)
  FROM generate_series(date_trunc('month', (SELECT min("occurredAt") FROM "AuditEvent_unpartitioned") AT TIME ZONE 'UTC'),
                       date_trunc('month', now() AT TIME ZONE 'UTC'), interval '1 month') AS m;
SELECT kaiji_audit_ensure_partitions(3);
CREATE TABLE "AuditEvent_default" PARTITION OF "AuditEvent" DEFAULT;
CREATE TRIGGER "AuditEvent_default_no_truncate" BEFORE TRUNCATE ON "AuditEvent_default"
  FOR EACH STATEMENT EXECUTE FUNCTION kaiji_refuse_change();

INSERT INTO "AuditEvent" ("id", "occurredAt", "actorId", "actorEmail", "action", "entityType", "entityId", "institutionId",
                          "outcome", "ip", "userAgent", "details", "prevHash", "hash", "xid")
  SELECT "id", "occurredAt", "actorId", "actorEmail", "action", "entityType", "entityId", "institutionId",
         "outcome", "ip", "userAgent", "details", "prevHash", "hash", 0
    FROM "AuditEvent_unpartitioned";

-- Seals, checkpoints and retired months are evidence too: append-only like the events.
CREATE TRIGGER "AuditSeal_append_only" BEFORE UPDATE OR DELETE ON "AuditSeal"
  FOR EACH ROW EXECUTE FUNCTION kaiji_refuse_change();
CREATE TRIGGER "AuditSeal_no_truncate" BEFORE TRUNCATE ON "AuditSeal"
  FOR EACH STATEMENT EXECUTE FUNCTION kaiji_refuse_change();
CREATE TRIGGER "AuditCheckpoint_append_only" BEFORE UPDATE OR DELETE ON "AuditCheckpoint"
  FOR EACH ROW EXECUTE FUNCTION kaiji_refuse_change();
CREATE TRIGGER "AuditCheckpoint_no_truncate" BEFORE TRUNCATE ON "AuditCheckpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION kaiji_refuse_change();
CREATE TRIGGER "AuditRetiredMonth_append_only" BEFORE UPDATE OR DELETE ON "AuditRetiredMonth"
  FOR EACH ROW EXECUTE FUNCTION kaiji_refuse_change();
