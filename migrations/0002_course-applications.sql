CREATE TABLE "course_application_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"blob_key" text NOT NULL,
	"file_name" text NOT NULL,
	"mime" text NOT NULL,
	"size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_applications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"provider_id" uuid NOT NULL,
	"status" text NOT NULL,
	"set_id" text NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"title" text,
	"description" text,
	"delivery" text,
	"synchronous" boolean,
	"length" text,
	"contact_hours" numeric(6, 2),
	"locations" text,
	"cost_to_students_cents" integer,
	"registration_url" text,
	"teaching_methods" text,
	"assessment_strategy" text,
	"number" text,
	"submitted_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_competency_map" (
	"application_id" uuid NOT NULL,
	"competency_id" text NOT NULL,
	"content" text NOT NULL,
	"readings" text,
	"assignments" text,
	"assessment" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "course_competency_map_application_id_competency_id_pk" PRIMARY KEY("application_id","competency_id")
);
--> statement-breakpoint
ALTER TABLE "course_application_files" ADD CONSTRAINT "course_application_files_application_id_course_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."course_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_application_files" ADD CONSTRAINT "course_application_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_applications" ADD CONSTRAINT "course_applications_provider_id_providers_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."providers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_applications" ADD CONSTRAINT "course_applications_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_applications" ADD CONSTRAINT "course_applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_competency_map" ADD CONSTRAINT "course_competency_map_application_id_course_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."course_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "course_application_files_application_idx" ON "course_application_files" USING btree ("application_id","uploaded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "course_application_files_blob_uq" ON "course_application_files" USING btree ("blob_key");--> statement-breakpoint
CREATE UNIQUE INDEX "course_applications_number_uq" ON "course_applications" USING btree ("number");--> statement-breakpoint
CREATE INDEX "course_applications_provider_idx" ON "course_applications" USING btree ("provider_id","created_at");--> statement-breakpoint
CREATE INDEX "course_applications_status_idx" ON "course_applications" USING btree ("status","submitted_at");