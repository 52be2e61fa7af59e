DROP INDEX "invoice_payments_reference_uq";--> statement-breakpoint
DROP INDEX "invoice_payments_received_idx";--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD COLUMN "state" text DEFAULT 'approved' NOT NULL;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
-- Every payment recorded so far counted at once.
UPDATE "invoice_payments" SET "approved_at" = "created_at";--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD COLUMN "decision_note" text;--> statement-breakpoint
ALTER TABLE "invoice_payments" ADD CONSTRAINT "invoice_payments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invoice_payments_pending_idx" ON "invoice_payments" USING btree ("created_at","id") WHERE "invoice_payments"."state" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "invoice_payments_reference_uq" ON "invoice_payments" USING btree ("invoice_id","method","reference") WHERE "invoice_payments"."state" in ('pending', 'approved');--> statement-breakpoint
CREATE INDEX "invoice_payments_received_idx" ON "invoice_payments" USING btree ("received_on") WHERE "invoice_payments"."state" = 'approved';