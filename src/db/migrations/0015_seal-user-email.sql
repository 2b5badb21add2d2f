ALTER TABLE "users" ADD COLUMN "email_bidx" text;--> statement-breakpoint
CREATE INDEX "users_email_bidx_idx" ON "users" USING btree ("email_bidx");