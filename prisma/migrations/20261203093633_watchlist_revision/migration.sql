-- CreateTable
CREATE TABLE "WatchlistRevision" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "revision" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WatchlistRevision_pkey" PRIMARY KEY ("id")
);


-- Hand-written: the single revision row, and the statement-level triggers that bump it in the same
-- transaction as any change to a list or its entries (lib/watchlists/screening-cache.ts reads it).
INSERT INTO "WatchlistRevision" ("id", "revision") VALUES (1, 1);

CREATE FUNCTION "bump_watchlist_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "WatchlistRevision" SET "revision" = "revision" + 1, "updatedAt" = now() WHERE "id" = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "WatchlistEntry_bump_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "WatchlistEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_watchlist_revision"();
CREATE TRIGGER "Watchlist_bump_revision" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Watchlist"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_watchlist_revision"();
