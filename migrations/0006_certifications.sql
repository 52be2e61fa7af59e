CREATE TABLE "certifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"candidate_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"certified_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"basis" text NOT NULL,
	"reason" text,
	"certified_by" uuid,
	"in_registry" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deadline_extensions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"application_id" uuid NOT NULL,
	"previous_deadline_on" date NOT NULL,
	"new_deadline_on" date NOT NULL,
	"reason" text NOT NULL,
	"granted_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_candidate_id_users_id_fk" FOREIGN KEY ("candidate_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certifications" ADD CONSTRAINT "certifications_certified_by_users_id_fk" FOREIGN KEY ("certified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_extensions" ADD CONSTRAINT "deadline_extensions_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certifications_number_uq" ON "certifications" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "certifications_application_uq" ON "certifications" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "certifications_candidate_idx" ON "certifications" USING btree ("candidate_id");--> statement-breakpoint
CREATE INDEX "certifications_registry_idx" ON "certifications" USING btree ("in_registry") WHERE "certifications"."in_registry";--> statement-breakpoint
CREATE INDEX "deadline_extensions_application_idx" ON "deadline_extensions" USING btree ("application_id","created_at");