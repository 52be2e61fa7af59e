ALTER TABLE "courses" ADD COLUMN "ending_reminded_for" date;--> statement-breakpoint
ALTER TABLE "courses" ADD COLUMN "lapse_reminded_for" date;--> statement-breakpoint
ALTER TABLE "checkouts" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "checkouts" ADD COLUMN "opened_by" uuid;--> statement-breakpoint
ALTER TABLE "checkouts" ADD COLUMN "return_path" text;--> statement-breakpoint
ALTER TABLE "checkouts" ADD COLUMN "retry_path" text;--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_evaluations_open_due_idx" ON "course_evaluations" USING btree ("due_on") WHERE "course_evaluations"."submitted_at" is null and "course_evaluations"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "courses_approval_ends_idx" ON "courses" USING btree ("approval_ends_on");