CREATE TABLE "ledger_day_totals" (
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"count" integer NOT NULL,
	"total_cents" bigint NOT NULL,
	CONSTRAINT "ledger_day_totals_day_kind_method_pk" PRIMARY KEY("day","kind","method")
);
--> statement-breakpoint
CREATE TABLE "ledger_days_closed" (
	"day" date PRIMARY KEY NOT NULL,
	"closed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- Drop the summaries of every UTC day an entry is written on, changed on or deleted from, in the same
-- transaction as the change, whoever makes it (the application, an import, a seed, a person at a SQL
-- prompt). Ordinary payments are written on today, which is never summarised, so these deletes find
-- nothing and lock nothing; a backdated entry drops its day, and the next report sums that day from the
-- ledger again. One trigger per kind of change, as transition tables require.
CREATE OR REPLACE FUNCTION lssc_ledger_day_totals_forget() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  touched date[];
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM ledger_days_closed;
    DELETE FROM ledger_day_totals;
    RETURN NULL;
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(DISTINCT (created_at AT TIME ZONE 'UTC')::date) INTO touched FROM new_entries;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(DISTINCT (created_at AT TIME ZONE 'UTC')::date) INTO touched FROM old_entries;
  ELSE
    SELECT array_agg(DISTINCT d) INTO touched FROM (
      SELECT (created_at AT TIME ZONE 'UTC')::date AS d FROM new_entries
      UNION ALL
      SELECT (created_at AT TIME ZONE 'UTC')::date FROM old_entries
    ) c;
  END IF;
  DELETE FROM ledger_days_closed WHERE day = ANY (touched);
  DELETE FROM ledger_day_totals WHERE day = ANY (touched);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_day_totals_insert
  AFTER INSERT ON ledger_entries REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION lssc_ledger_day_totals_forget();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_day_totals_update
  AFTER UPDATE ON ledger_entries REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION lssc_ledger_day_totals_forget();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_day_totals_delete
  AFTER DELETE ON ledger_entries REFERENCING OLD TABLE AS old_entries
  FOR EACH STATEMENT EXECUTE FUNCTION lssc_ledger_day_totals_forget();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_day_totals_truncate
  AFTER TRUNCATE ON ledger_entries
  FOR EACH STATEMENT EXECUTE FUNCTION lssc_ledger_day_totals_forget();
