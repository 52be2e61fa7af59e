CREATE TABLE "evaluator_conflicts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluator_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"set_ids" text[] NOT NULL,
	"yearly_capacity" integer NOT NULL,
	"training_completed_on" date,
	"employer" text,
	"active" boolean NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"evaluator_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"position" integer NOT NULL,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone NOT NULL,
	"due_on" date NOT NULL,
	"submitted_at" timestamp with time zone,
	"replaced_at" timestamp with time zone,
	"last_reminded_on" date
);
--> statement-breakpoint
CREATE TABLE "portfolio_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"competency_id" text,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"competency_id" text NOT NULL,
	"kind" text NOT NULL,
	"primary" boolean NOT NULL,
	"title" text NOT NULL,
	"explanation" text NOT NULL,
	"url" text,
	"body" text,
	"blob_key" text,
	"file_name" text,
	"mime" text,
	"size" bigint,
	"sha256" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolio_ratings" (
	"assignment_id" uuid NOT NULL,
	"competency_id" text NOT NULL,
	"rating" text NOT NULL,
	"comment" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "portfolio_ratings_assignment_id_competency_id_pk" PRIMARY KEY("assignment_id","competency_id")
);
--> statement-breakpoint
CREATE TABLE "portfolio_webinars" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"starts_at" timestamp with time zone NOT NULL,
	"duration_minutes" integer NOT NULL,
	"time_zone" text NOT NULL,
	"registration_url" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "portfolios" (
	"id" uuid PRIMARY KEY NOT NULL,
	"candidate_id" uuid NOT NULL,
	"set_id" text NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"status" text NOT NULL,
	"number" text,
	"statement" text,
	"round" integer DEFAULT 1 NOT NULL,
	"unlocked_competency_ids" text[],
	"submitted_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evaluator_conflicts" ADD CONSTRAINT "evaluator_conflicts_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluator_profiles" ADD CONSTRAINT "evaluator_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_assignments" ADD CONSTRAINT "portfolio_assignments_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_assignments" ADD CONSTRAINT "portfolio_assignments_evaluator_id_users_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_assignments" ADD CONSTRAINT "portfolio_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_comments" ADD CONSTRAINT "portfolio_comments_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_comments" ADD CONSTRAINT "portfolio_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_evidence" ADD CONSTRAINT "portfolio_evidence_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_ratings" ADD CONSTRAINT "portfolio_ratings_assignment_id_portfolio_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."portfolio_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolio_webinars" ADD CONSTRAINT "portfolio_webinars_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_candidate_id_users_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portfolios" ADD CONSTRAINT "portfolios_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluator_conflicts_evaluator_idx" ON "evaluator_conflicts" USING btree ("evaluator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_assignments_slot_uq" ON "portfolio_assignments" USING btree ("portfolio_id","round","position") WHERE "portfolio_assignments"."replaced_at" is null;--> statement-breakpoint
CREATE INDEX "portfolio_assignments_evaluator_idx" ON "portfolio_assignments" USING btree ("evaluator_id","assigned_at");--> statement-breakpoint
CREATE INDEX "portfolio_assignments_open_due_idx" ON "portfolio_assignments" USING btree ("due_on") WHERE "portfolio_assignments"."submitted_at" is null and "portfolio_assignments"."replaced_at" is null;--> statement-breakpoint
CREATE INDEX "portfolio_comments_portfolio_idx" ON "portfolio_comments" USING btree ("portfolio_id","created_at");--> statement-breakpoint
CREATE INDEX "portfolio_evidence_portfolio_idx" ON "portfolio_evidence" USING btree ("portfolio_id","competency_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_evidence_blob_uq" ON "portfolio_evidence" USING btree ("blob_key");--> statement-breakpoint
CREATE INDEX "portfolio_webinars_starts_idx" ON "portfolio_webinars" USING btree ("starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "portfolios_candidate_set_uq" ON "portfolios" USING btree ("candidate_id","set_id") WHERE "portfolios"."status" <> 'not_satisfactory';--> statement-breakpoint
CREATE UNIQUE INDEX "portfolios_number_uq" ON "portfolios" USING btree ("number");--> statement-breakpoint
CREATE INDEX "portfolios_status_idx" ON "portfolios" USING btree ("status","submitted_at");