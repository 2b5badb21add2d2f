CREATE TABLE "attainment_summaries" (
	"pilot_id" uuid PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"summary" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attainment_summaries" ADD CONSTRAINT "attainment_summaries_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;