CREATE TABLE "fee_balances" (
	"fee_id" uuid PRIMARY KEY NOT NULL,
	"net_paid_cents" bigint NOT NULL,
	"due_cents" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "fee_balances" ADD CONSTRAINT "fee_balances_fee_id_fees_id_fk" FOREIGN KEY ("fee_id") REFERENCES "public"."fees"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fee_balances_refunds_owed_idx" ON "fee_balances" USING btree ("fee_id") WHERE "fee_balances"."net_paid_cents" > 0 and "fee_balances"."due_cents" < 0;--> statement-breakpoint
-- Keep each fee's sums in step with its ledger entries, in the same transaction as the entries,
-- whoever writes them (the application, an import, a person at a SQL prompt). One statement-level
-- trigger per kind of change: a multi-row insert updates each fee once. The ledger is append-only,
-- so updates and deletes are not expected; they are followed all the same, so the sums stay right.
-- Signs as in feeBalance (rules/ledger.ts): net paid = payments - refunds;
-- due = charges + refunds - payments - waivers - awards.
CREATE OR REPLACE FUNCTION lssc_fee_balances_follow_ledger() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO fee_balances AS b (fee_id, net_paid_cents, due_cents)
    SELECT fee_id, sum(net), sum(due) FROM (
      SELECT fee_id,
             CASE kind WHEN 'payment' THEN amount_cents WHEN 'refund' THEN -amount_cents ELSE 0 END AS net,
             CASE WHEN kind IN ('charge', 'refund') THEN amount_cents ELSE -amount_cents END AS due
      FROM new_entries
    ) c GROUP BY fee_id
    ON CONFLICT (fee_id) DO UPDATE
      SET net_paid_cents = b.net_paid_cents + excluded.net_paid_cents, due_cents = b.due_cents + excluded.due_cents;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO fee_balances AS b (fee_id, net_paid_cents, due_cents)
    SELECT fee_id, sum(net), sum(due) FROM (
      SELECT fee_id,
             CASE kind WHEN 'payment' THEN -amount_cents WHEN 'refund' THEN amount_cents ELSE 0 END AS net,
             CASE WHEN kind IN ('charge', 'refund') THEN -amount_cents ELSE amount_cents END AS due
      FROM old_entries
    ) c GROUP BY fee_id
    ON CONFLICT (fee_id) DO UPDATE
      SET net_paid_cents = b.net_paid_cents + excluded.net_paid_cents, due_cents = b.due_cents + excluded.due_cents;
  ELSE
    INSERT INTO fee_balances AS b (fee_id, net_paid_cents, due_cents)
    SELECT fee_id, sum(net), sum(due) FROM (
      SELECT fee_id,
             CASE kind WHEN 'payment' THEN amount_cents WHEN 'refund' THEN -amount_cents ELSE 0 END AS net,
             CASE WHEN kind IN ('charge', 'refund') THEN amount_cents ELSE -amount_cents END AS due
      FROM new_entries
      UNION ALL
      SELECT fee_id,
             CASE kind WHEN 'payment' THEN -amount_cents WHEN 'refund' THEN amount_cents ELSE 0 END,
             CASE WHEN kind IN ('charge', 'refund') THEN -amount_cents ELSE amount_cents END
      FROM old_entries
    ) c GROUP BY fee_id
    ON CONFLICT (fee_id) DO UPDATE
      SET net_paid_cents = b.net_paid_cents + excluded.net_paid_cents, due_cents = b.due_cents + excluded.due_cents;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER ledger_entries_fee_balances_insert
  AFTER INSERT ON ledger_entries REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION lssc_fee_balances_follow_ledger();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_fee_balances_update
  AFTER UPDATE ON ledger_entries REFERENCING OLD TABLE AS old_entries NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION lssc_fee_balances_follow_ledger();
--> statement-breakpoint
CREATE TRIGGER ledger_entries_fee_balances_delete
  AFTER DELETE ON ledger_entries REFERENCING OLD TABLE AS old_entries
  FOR EACH STATEMENT EXECUTE FUNCTION lssc_fee_balances_follow_ledger();
--> statement-breakpoint
-- The sums of the entries already recorded (the triggers above see only what comes after).
INSERT INTO fee_balances (fee_id, net_paid_cents, due_cents)
SELECT fee_id,
       sum(CASE kind WHEN 'payment' THEN amount_cents WHEN 'refund' THEN -amount_cents ELSE 0 END),
       sum(CASE WHEN kind IN ('charge', 'refund') THEN amount_cents ELSE -amount_cents END)
FROM ledger_entries GROUP BY fee_id;
