CREATE TABLE "record_macs" (
	"kind" text NOT NULL,
	"record_key" text NOT NULL,
	"mac" text NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_macs_kind_record_key_pk" PRIMARY KEY("kind","record_key")
);
--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "email_bidx" text;--> statement-breakpoint
ALTER TABLE "experts" ADD COLUMN "phone_bidx" text;--> statement-breakpoint
CREATE INDEX "experts_email_bidx_idx" ON "experts" USING btree ("email_bidx");--> statement-breakpoint
CREATE INDEX "experts_phone_bidx_idx" ON "experts" USING btree ("phone_bidx");