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
CREATE TABLE "course_completions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"completed_on" date NOT NULL,
	"passed" boolean NOT NULL,
	"source" text NOT NULL,
	"status" text NOT NULL,
	"counts" boolean,
	"not_counted_reason" text,
	"roster_import_id" uuid,
	"proof_blob_key" text,
	"proof_file_name" text,
	"proof_mime" text,
	"proof_size" bigint,
	"proof_sha256" text,
	"claim_note" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"source" text NOT NULL,
	"file_name" text,
	"status" text NOT NULL,
	"total_rows" integer NOT NULL,
	"matched_rows" integer NOT NULL,
	"unmatched_rows" integer NOT NULL,
	"invalid_rows" integer NOT NULL,
	"duplicate_rows" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "roster_rows" (
	"id" uuid PRIMARY KEY NOT NULL,
	"import_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"candidate_ref" text,
	"name" text,
	"course_ref" text,
	"completed_on_text" text,
	"passed_text" text,
	"completed_on" date,
	"passed" boolean,
	"course_id" uuid,
	"candidate_id" uuid,
	"outcome" text NOT NULL,
	"message" text,
	"completion_id" uuid,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "course_application_parts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"contact_hours" numeric(6, 2),
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_approval_periods" (
	"course_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "course_approval_periods_course_id_starts_on_pk" PRIMARY KEY("course_id","starts_on")
);
--> statement-breakpoint
CREATE TABLE "course_bundles" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"number" text NOT NULL,
	"set_id" text NOT NULL,
	"title" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_offerings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"course_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"online" boolean NOT NULL,
	"city" text,
	"state" text,
	"notes" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"bundle_id" uuid,
	"number" text NOT NULL,
	"set_id" text NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"delivery" text NOT NULL,
	"synchronous" boolean NOT NULL,
	"length" text NOT NULL,
	"contact_hours" numeric(6, 2) NOT NULL,
	"locations" text,
	"cost_to_students_cents" integer NOT NULL,
	"registration_url" text,
	"first_approved_on" date NOT NULL,
	"approval_ends_on" date NOT NULL,
	"ending_reminded_for" date,
	"lapse_reminded_for" date,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(description, ''))) STORED,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
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
	"prereview_requested_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "course_applications" ADD COLUMN "kind" text DEFAULT 'course' NOT NULL;--> statement-breakpoint
ALTER TABLE "course_applications" ADD COLUMN "renews_application_id" uuid;--> statement-breakpoint
ALTER TABLE "course_competency_map" ADD COLUMN "part_id" uuid;--> statement-breakpoint
ALTER TABLE "course_evaluations" ADD COLUMN "last_reminded_on" date;--> statement-breakpoint
ALTER TABLE "checkouts" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "checkouts" ADD COLUMN "opened_by" uuid;--> statement-breakpoint
ALTER TABLE "checkouts" ADD COLUMN "return_path" text;--> statement-breakpoint
ALTER TABLE "checkouts" ADD COLUMN "retry_path" text;--> statement-breakpoint
ALTER TABLE "course_completions" ADD CONSTRAINT "course_completions_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_completions" ADD CONSTRAINT "course_completions_candidate_id_users_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_completions" ADD CONSTRAINT "course_completions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_completions" ADD CONSTRAINT "course_completions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD CONSTRAINT "roster_imports_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD CONSTRAINT "roster_imports_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD CONSTRAINT "roster_imports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_rows" ADD CONSTRAINT "roster_rows_import_id_roster_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."roster_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_rows" ADD CONSTRAINT "roster_rows_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_rows" ADD CONSTRAINT "roster_rows_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_rows" ADD CONSTRAINT "roster_rows_candidate_id_users_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_rows" ADD CONSTRAINT "roster_rows_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_application_parts" ADD CONSTRAINT "course_application_parts_application_id_course_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."course_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_approval_periods" ADD CONSTRAINT "course_approval_periods_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_approval_periods" ADD CONSTRAINT "course_approval_periods_application_id_course_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."course_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_bundles" ADD CONSTRAINT "course_bundles_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_bundles" ADD CONSTRAINT "course_bundles_application_id_course_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."course_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_offerings" ADD CONSTRAINT "course_offerings_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_offerings" ADD CONSTRAINT "course_offerings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_application_id_course_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."course_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_bundle_id_course_bundles_id_fk" FOREIGN KEY ("bundle_id") REFERENCES "public"."course_bundles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
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
CREATE UNIQUE INDEX "catalog_alert_subscriptions_email_set_uq" ON "catalog_alert_subscriptions" USING btree ("email",coalesce("set_id", ''));--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_alert_subscriptions_token_uq" ON "catalog_alert_subscriptions" USING btree ("confirm_token_hash");--> statement-breakpoint
CREATE INDEX "catalog_alert_subscriptions_due_idx" ON "catalog_alert_subscriptions" USING btree ("notified_through","id") WHERE "catalog_alert_subscriptions"."confirmed_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "course_completions_once_uq" ON "course_completions" USING btree ("course_id","candidate_id","completed_on") WHERE "course_completions"."status" <> 'rejected';--> statement-breakpoint
CREATE INDEX "course_completions_candidate_idx" ON "course_completions" USING btree ("candidate_id","completed_on");--> statement-breakpoint
CREATE INDEX "course_completions_course_idx" ON "course_completions" USING btree ("course_id","completed_on");--> statement-breakpoint
CREATE INDEX "course_completions_pending_idx" ON "course_completions" USING btree ("course_id","created_at") WHERE "course_completions"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "roster_imports_provider_idx" ON "roster_imports" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "roster_rows_import_idx" ON "roster_rows" USING btree ("import_id","line");--> statement-breakpoint
CREATE INDEX "roster_rows_held_idx" ON "roster_rows" USING btree ("provider_id","import_id") WHERE "roster_rows"."outcome" = 'unmatched' and "roster_rows"."completion_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "course_application_parts_position_uq" ON "course_application_parts" USING btree ("application_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "course_bundles_number_uq" ON "course_bundles" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "course_bundles_application_uq" ON "course_bundles" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "course_offerings_course_idx" ON "course_offerings" USING btree ("course_id","starts_on");--> statement-breakpoint
CREATE INDEX "course_offerings_state_idx" ON "course_offerings" USING btree ("state","starts_on");--> statement-breakpoint
CREATE INDEX "course_offerings_starts_idx" ON "course_offerings" USING btree ("starts_on");--> statement-breakpoint
CREATE UNIQUE INDEX "courses_number_uq" ON "courses" USING btree ("number");--> statement-breakpoint
CREATE INDEX "courses_provider_idx" ON "courses" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "courses_set_idx" ON "courses" USING btree ("set_id","approval_ends_on");--> statement-breakpoint
CREATE INDEX "courses_first_approved_idx" ON "courses" USING btree ("first_approved_on");--> statement-breakpoint
CREATE INDEX "courses_bundle_idx" ON "courses" USING btree ("bundle_id");--> statement-breakpoint
CREATE INDEX "courses_approval_ends_idx" ON "courses" USING btree ("approval_ends_on");--> statement-breakpoint
CREATE INDEX "courses_search_idx" ON "courses" USING gin ("search");--> statement-breakpoint
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
CREATE INDEX "portfolios_status_idx" ON "portfolios" USING btree ("status","submitted_at");--> statement-breakpoint
ALTER TABLE "checkouts" ADD CONSTRAINT "checkouts_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_evaluations_open_due_idx" ON "course_evaluations" USING btree ("due_on") WHERE "course_evaluations"."submitted_at" is null and "course_evaluations"."superseded_at" is null;--> statement-breakpoint
CREATE INDEX "providers_name_search_idx" ON "providers" USING gin (to_tsvector('english', "name"));