CREATE TABLE "email_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"email" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "email_addresses" ADD CONSTRAINT "email_addresses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "email_addresses_confirmed_email_uq" ON "email_addresses" USING btree (lower("email")) WHERE "email_addresses"."confirmed_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "email_addresses_user_email_uq" ON "email_addresses" USING btree ("user_id",lower("email"));--> statement-breakpoint
CREATE INDEX "email_addresses_user_idx" ON "email_addresses" USING btree ("user_id");