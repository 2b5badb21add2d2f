ALTER TABLE "applications" ADD COLUMN "applicant_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
-- A copy of the applicant organisation's name on each application (ADR 0017): the lists and their
-- text search read it from the row instead of joining organisations, a lookup a row when the rows come
-- from many applicants (the ministry's inbox). Kept by the database whatever writes the tables.
CREATE FUNCTION "applications_applicant_name"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT o.name INTO NEW.applicant_name FROM organisations o WHERE o.id = NEW.applicant_org_id;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE FUNCTION "organisations_after_rename"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE applications a SET applicant_name = n.name
    FROM new_rows n JOIN old_rows o ON o.id = n.id
   WHERE a.applicant_org_id = n.id AND n.name IS DISTINCT FROM o.name;
  RETURN NULL;
END $$;--> statement-breakpoint
UPDATE applications a SET applicant_name = o.name FROM organisations o WHERE o.id = a.applicant_org_id;--> statement-breakpoint
CREATE TRIGGER "applications_applicant_name" BEFORE INSERT OR UPDATE OF "applicant_org_id" ON "applications" FOR EACH ROW EXECUTE FUNCTION "applications_applicant_name"();--> statement-breakpoint
CREATE TRIGGER "organisations_rename" AFTER UPDATE ON "organisations" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "organisations_after_rename"();
