CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"program_id" uuid NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"covered_set_ids" jsonb NOT NULL,
	"coverage" text NOT NULL,
	"effective_from" date NOT NULL,
	"ends_on" date,
	"status" text NOT NULL,
	"signed_by" uuid NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"ended_by" uuid,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "college_programs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"college_id" uuid NOT NULL,
	"name" text NOT NULL,
	"award" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "colleges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region" text,
	"country" text NOT NULL,
	"website" text,
	"contact_email" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "graduation_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"graduated_on" date NOT NULL,
	"proof_blob_key" text NOT NULL,
	"proof_file_name" text NOT NULL,
	"proof_mime" text NOT NULL,
	"proof_size" integer NOT NULL,
	"proof_sha256" text NOT NULL,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"rejection_reason" text,
	"sets_recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "program_courses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"program_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"set_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provisional_hours" (
	"id" uuid PRIMARY KEY NOT NULL,
	"certification_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"library" text NOT NULL,
	"library_type" text NOT NULL,
	"position" text NOT NULL,
	"paid" boolean NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"hours_per_week" numeric(5, 2),
	"total_hours" integer,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "certification_status_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"certification_id" uuid NOT NULL,
	"action" text NOT NULL,
	"state" text NOT NULL,
	"reason" text NOT NULL,
	"status_before" text NOT NULL,
	"status_after" text NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"effective_on" date,
	"decision_note" text
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_program_id_college_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."college_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_ended_by_users_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "college_programs" ADD CONSTRAINT "college_programs_college_id_colleges_id_fk" FOREIGN KEY ("college_id") REFERENCES "public"."colleges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduation_claims" ADD CONSTRAINT "graduation_claims_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduation_claims" ADD CONSTRAINT "graduation_claims_candidate_id_users_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduation_claims" ADD CONSTRAINT "graduation_claims_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "graduation_claims" ADD CONSTRAINT "graduation_claims_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_courses" ADD CONSTRAINT "program_courses_program_id_college_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."college_programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisional_hours" ADD CONSTRAINT "provisional_hours_certification_id_certifications_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisional_hours" ADD CONSTRAINT "provisional_hours_candidate_id_users_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provisional_hours" ADD CONSTRAINT "provisional_hours_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_status_requests" ADD CONSTRAINT "certification_status_requests_certification_id_certifications_id_fk" FOREIGN KEY ("certification_id") REFERENCES "public"."certifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_status_requests" ADD CONSTRAINT "certification_status_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certification_status_requests" ADD CONSTRAINT "certification_status_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_reference_uq" ON "agreements" USING btree ("reference");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_one_in_force_uq" ON "agreements" USING btree ("program_id") WHERE "agreements"."status" = 'in_force';--> statement-breakpoint
CREATE INDEX "agreements_public_idx" ON "agreements" USING btree ("signed_at","id");--> statement-breakpoint
CREATE INDEX "college_programs_college_idx" ON "college_programs" USING btree ("college_id","name");--> statement-breakpoint
CREATE INDEX "colleges_name_idx" ON "colleges" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "graduation_claims_application_uq" ON "graduation_claims" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "graduation_claims_candidate_idx" ON "graduation_claims" USING btree ("candidate_id");--> statement-breakpoint
CREATE UNIQUE INDEX "program_courses_code_uq" ON "program_courses" USING btree ("program_id","code");--> statement-breakpoint
CREATE INDEX "provisional_hours_certification_idx" ON "provisional_hours" USING btree ("certification_id","start_date");--> statement-breakpoint
CREATE INDEX "provisional_hours_pending_idx" ON "provisional_hours" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "certification_status_requests_one_pending_uq" ON "certification_status_requests" USING btree ("certification_id") WHERE "certification_status_requests"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "certification_status_requests_pending_idx" ON "certification_status_requests" USING btree ("requested_at","id") WHERE "certification_status_requests"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "certification_status_requests_certification_idx" ON "certification_status_requests" USING btree ("certification_id","requested_at");