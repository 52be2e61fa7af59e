CREATE TABLE "course_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"submitted_at" timestamp with time zone,
	"scores" jsonb,
	"comment" text,
	"recommendation" text,
	"superseded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "course_applications" ADD COLUMN "approved_on" date;--> statement-breakpoint
ALTER TABLE "course_applications" ADD COLUMN "approval_ends_on" date;--> statement-breakpoint
ALTER TABLE "course_applications" ADD COLUMN "decision_comment" text;--> statement-breakpoint
ALTER TABLE "course_applications" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "course_applications" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "course_evaluations" ADD CONSTRAINT "course_evaluations_application_id_course_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."course_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_evaluations" ADD CONSTRAINT "course_evaluations_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_evaluations" ADD CONSTRAINT "course_evaluations_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "course_evaluations_application_evaluator_uq" ON "course_evaluations" USING btree ("application_id","evaluator_id") WHERE "course_evaluations"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "course_evaluations_evaluator_idx" ON "course_evaluations" USING btree ("evaluator_id","assigned_at");--> statement-breakpoint
ALTER TABLE "course_applications" ADD CONSTRAINT "course_applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;