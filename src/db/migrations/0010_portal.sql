CREATE TABLE "portal_publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"year" integer,
	"summary" text DEFAULT '' NOT NULL,
	"published_by" uuid NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"withdrawn_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "portal_publications" ADD CONSTRAINT "portal_publications_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_publications" ADD CONSTRAINT "portal_publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "portal_publications" ADD CONSTRAINT "portal_publications_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "portal_publications_pilot_idx" ON "portal_publications" USING btree ("pilot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "portal_publications_in_force_uq" ON "portal_publications" USING btree ("pilot_id","subject",coalesce("year", 0)) WHERE "portal_publications"."withdrawn_at" is null;