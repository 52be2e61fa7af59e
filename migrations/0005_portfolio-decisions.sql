CREATE TABLE "portfolio_decisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"portfolio_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"set_id" text NOT NULL,
	"outcome" text NOT NULL,
	"decided_by" text NOT NULL,
	"flagged" text[] NOT NULL,
	"rating_pairs" integer[] NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portfolio_decisions" ADD CONSTRAINT "portfolio_decisions_portfolio_id_portfolios_id_fk" FOREIGN KEY ("portfolio_id") REFERENCES "public"."portfolios"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_decisions_round_uq" ON "portfolio_decisions" USING btree ("portfolio_id","round");--> statement-breakpoint
CREATE INDEX "portfolio_decisions_set_idx" ON "portfolio_decisions" USING btree ("set_id","decided_at");--> statement-breakpoint
CREATE INDEX "portfolio_decisions_final_idx" ON "portfolio_decisions" USING btree ("decided_at","id") WHERE "portfolio_decisions"."outcome" <> 'more_information';