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
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(description, ''))) STORED,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "course_applications" ADD COLUMN "kind" text DEFAULT 'course' NOT NULL;--> statement-breakpoint
ALTER TABLE "course_applications" ADD COLUMN "renews_application_id" uuid;--> statement-breakpoint
ALTER TABLE "course_competency_map" ADD COLUMN "part_id" uuid;--> statement-breakpoint
ALTER TABLE "course_evaluations" ADD COLUMN "last_reminded_on" date;--> statement-breakpoint
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
CREATE INDEX "courses_search_idx" ON "courses" USING gin ("search");