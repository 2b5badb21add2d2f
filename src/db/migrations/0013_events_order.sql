ALTER TABLE "event_action_updates" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "event_history" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;