-- Trigram operator classes for "find your institution". pg_trgm is one of PostgreSQL's contrib modules and a
-- trusted extension (the database owner may create it); openDb loads it into PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "institutions_search_trgm_idx" ON "institutions" USING gin (lower("name" || ' ' || "region") gin_trgm_ops) WITH (fastupdate=false);