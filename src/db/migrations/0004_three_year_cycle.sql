CREATE TABLE "amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"proposal" jsonb NOT NULL,
	"reasons" text NOT NULL,
	"effective_from_year" integer NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"province_opinion" text,
	"province_supports" boolean,
	"province_reviewed_at" timestamp with time zone,
	"decision_comment" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"proposed_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consulting_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"description" text NOT NULL,
	"fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"expert_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"service_record" text,
	"served_on" text,
	"version" integer DEFAULT 1 NOT NULL,
	"requested_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_members" (
	"evaluation_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"declared_at" timestamp with time zone,
	"recused_at" timestamp with time zone,
	"recusal_reason" text,
	CONSTRAINT "evaluation_members_evaluation_id_expert_id_pk" PRIMARY KEY("evaluation_id","expert_id")
);
--> statement-breakpoint
CREATE TABLE "evaluation_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opinion" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"scheme" jsonb NOT NULL,
	"deadline" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"expert_id" uuid NOT NULL,
	"scores" jsonb NOT NULL,
	"comments" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"round_id" uuid NOT NULL,
	"pilot_id" uuid NOT NULL,
	"status" text DEFAULT 'scoring' NOT NULL,
	"result" jsonb,
	"total_score" double precision,
	"grade" text,
	"version" integer DEFAULT 1 NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "experience_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_contract_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"effective_from_year" integer NOT NULL,
	"name" text NOT NULL,
	"city_codes" jsonb NOT NULL,
	"targets" jsonb NOT NULL,
	"amendment_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"comment" text,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pilot_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid,
	"authority_id" text,
	"purpose" text NOT NULL,
	"sha256" text NOT NULL,
	"filename" text NOT NULL,
	"mime_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_resources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"programme" text NOT NULL,
	"amount" double precision NOT NULL,
	"year" integer NOT NULL,
	"department" text NOT NULL,
	"project" text NOT NULL,
	"target_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"period" text NOT NULL,
	"year" integer NOT NULL,
	"period_start" text NOT NULL,
	"period_end" text NOT NULL,
	"due_date" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"contract_version" integer DEFAULT 1 NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"province_opinion" text,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provincial_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"authority_id" text NOT NULL,
	"document_no" text NOT NULL,
	"issued_on" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"file_id" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "provincial_work_plans" (
	"authority_id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"file_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"pilot_id" uuid,
	"document_no" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"issued_on" text NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rectification_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pilot_id" uuid NOT NULL,
	"evaluation_id" uuid,
	"origin" text NOT NULL,
	"findings" jsonb NOT NULL,
	"required_actions" text NOT NULL,
	"deadline" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resume_phase" text NOT NULL,
	"response" text,
	"response_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"responded_at" timestamp with time zone,
	"responded_by" uuid,
	"province_opinion" text,
	"province_reviewed_at" timestamp with time zone,
	"reassessment" text,
	"reassessment_grade" text,
	"reassessed_at" timestamp with time zone,
	"reassessed_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"opened_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"task_index" integer NOT NULL,
	"task" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"narrative" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_value_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_value_id" uuid NOT NULL,
	"old_actual" double precision,
	"new_actual" double precision,
	"old_data_source" text,
	"new_data_source" text,
	"reason" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"target_id" text NOT NULL,
	"actual" double precision,
	"data_source" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"evidence_file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "summary_reports" (
	"pilot_id" uuid PRIMARY KEY NOT NULL,
	"body" text NOT NULL,
	"file_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "pilots" ADD COLUMN "state" text DEFAULT 'implementation' NOT NULL;--> statement-breakpoint
ALTER TABLE "pilots" ADD COLUMN "resume_phase" text;--> statement-breakpoint
ALTER TABLE "pilots" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "pilots" ADD COLUMN "schedule" jsonb;--> statement-breakpoint
ALTER TABLE "pilots" ADD COLUMN "report_frequency" text DEFAULT 'yearly' NOT NULL;--> statement-breakpoint
ALTER TABLE "pilots" ADD COLUMN "contract_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consulting_requests" ADD CONSTRAINT "consulting_requests_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consulting_requests" ADD CONSTRAINT "consulting_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_members" ADD CONSTRAINT "evaluation_members_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_members" ADD CONSTRAINT "evaluation_members_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_opinions" ADD CONSTRAINT "evaluation_opinions_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_opinions" ADD CONSTRAINT "evaluation_opinions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_opinions" ADD CONSTRAINT "evaluation_opinions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_scores" ADD CONSTRAINT "evaluation_scores_expert_id_experts_id_fk" FOREIGN KEY ("expert_id") REFERENCES "public"."experts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_round_id_evaluation_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."evaluation_rounds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_nominations" ADD CONSTRAINT "experience_nominations_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_nominations" ADD CONSTRAINT "experience_nominations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_contract_versions" ADD CONSTRAINT "pilot_contract_versions_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_contract_versions" ADD CONSTRAINT "pilot_contract_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_events" ADD CONSTRAINT "pilot_events_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_events" ADD CONSTRAINT "pilot_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_files" ADD CONSTRAINT "pilot_files_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pilot_files" ADD CONSTRAINT "pilot_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_resources" ADD CONSTRAINT "policy_resources_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_resources" ADD CONSTRAINT "policy_resources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provincial_policies" ADD CONSTRAINT "provincial_policies_file_id_pilot_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."pilot_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provincial_policies" ADD CONSTRAINT "provincial_policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provincial_work_plans" ADD CONSTRAINT "provincial_work_plans_file_id_pilot_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."pilot_files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provincial_work_plans" ADD CONSTRAINT "provincial_work_plans_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_notices" ADD CONSTRAINT "public_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_reassessed_by_users_id_fk" FOREIGN KEY ("reassessed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rectification_cases" ADD CONSTRAINT "rectification_cases_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_tasks" ADD CONSTRAINT "report_tasks_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_value_corrections" ADD CONSTRAINT "report_value_corrections_report_value_id_report_values_id_fk" FOREIGN KEY ("report_value_id") REFERENCES "public"."report_values"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_value_corrections" ADD CONSTRAINT "report_value_corrections_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_values" ADD CONSTRAINT "report_values_report_id_progress_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."progress_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "summary_reports" ADD CONSTRAINT "summary_reports_pilot_id_pilots_id_fk" FOREIGN KEY ("pilot_id") REFERENCES "public"."pilots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendments_pilot_idx" ON "amendments" USING btree ("pilot_id");--> statement-breakpoint
CREATE INDEX "consulting_requests_pilot_idx" ON "consulting_requests" USING btree ("pilot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_opinions_uq" ON "evaluation_opinions" USING btree ("evaluation_id","organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_scores_uq" ON "evaluation_scores" USING btree ("evaluation_id","expert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_round_pilot_uq" ON "evaluations" USING btree ("round_id","pilot_id");--> statement-breakpoint
CREATE INDEX "evaluations_pilot_idx" ON "evaluations" USING btree ("pilot_id");--> statement-breakpoint
CREATE INDEX "experience_nominations_pilot_idx" ON "experience_nominations" USING btree ("pilot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pilot_contract_versions_uq" ON "pilot_contract_versions" USING btree ("pilot_id","version");--> statement-breakpoint
CREATE INDEX "pilot_events_pilot_idx" ON "pilot_events" USING btree ("pilot_id","created_at");--> statement-breakpoint
CREATE INDEX "pilot_files_pilot_idx" ON "pilot_files" USING btree ("pilot_id");--> statement-breakpoint
CREATE INDEX "policy_resources_pilot_idx" ON "policy_resources" USING btree ("pilot_id");--> statement-breakpoint
CREATE INDEX "policy_resources_programme_idx" ON "policy_resources" USING btree ("programme","year");--> statement-breakpoint
CREATE UNIQUE INDEX "progress_reports_period_uq" ON "progress_reports" USING btree ("pilot_id","period");--> statement-breakpoint
CREATE INDEX "progress_reports_due_idx" ON "progress_reports" USING btree ("status","due_date");--> statement-breakpoint
CREATE INDEX "provincial_policies_authority_idx" ON "provincial_policies" USING btree ("authority_id");--> statement-breakpoint
CREATE UNIQUE INDEX "public_notices_document_no_uq" ON "public_notices" USING btree ("document_no");--> statement-breakpoint
CREATE INDEX "rectification_cases_pilot_idx" ON "rectification_cases" USING btree ("pilot_id");--> statement-breakpoint
CREATE INDEX "rectification_cases_status_idx" ON "rectification_cases" USING btree ("status","deadline");--> statement-breakpoint
CREATE UNIQUE INDEX "report_tasks_uq" ON "report_tasks" USING btree ("report_id","task_index");--> statement-breakpoint
CREATE INDEX "report_value_corrections_value_idx" ON "report_value_corrections" USING btree ("report_value_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_values_uq" ON "report_values" USING btree ("report_id","target_id");--> statement-breakpoint
INSERT INTO "pilot_contract_versions" ("pilot_id", "version", "effective_from_year", "name", "city_codes", "targets", "created_by") SELECT "id", 1, "period_start_year", "name", "city_codes", "targets", "approved_by" FROM "pilots";
