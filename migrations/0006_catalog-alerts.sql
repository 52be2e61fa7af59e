CREATE TABLE "catalog_alert_subscriptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"set_id" text,
	"confirm_token_hash" text,
	"confirm_expires_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"notified_through" timestamp with time zone,
	"last_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_alert_subscriptions_email_set_uq" ON "catalog_alert_subscriptions" USING btree ("email",coalesce("set_id", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_alert_subscriptions_token_uq" ON "catalog_alert_subscriptions" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "catalog_alert_subscriptions_due_idx" ON "catalog_alert_subscriptions" USING btree ("notified_through","id") WHERE "catalog_alert_subscriptions"."confirmed_at" is not null;