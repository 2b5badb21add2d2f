CREATE TABLE "application_counts" (
	"status" text NOT NULL,
	"forwarded" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "application_counts_status_forwarded_pk" PRIMARY KEY("status","forwarded")
);
--> statement-breakpoint
ALTER TABLE "application_cities" ADD COLUMN "app_updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "city_codes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "authority_ids" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
CREATE INDEX "application_cities_city_updated_idx" ON "application_cities" USING btree ("city_code","app_updated_at" DESC NULLS FIRST,"application_id" DESC NULLS FIRST);--> statement-breakpoint
-- Copies kept by the database for the lists (issue 9, point 4): whatever writes applications or
-- application_cities (the code, the demo data, an import, a hand-made fix), these triggers keep
-- applications.city_codes/authority_ids, application_cities.app_updated_at and application_counts
-- true in the same transaction. Statement-level with transition tables: one statement per write,
-- not one per row; a statement that changed no row does nothing (statement triggers fire for those
-- too, and the triggers below write each other's tables). Counts are changed in status order, so
-- two writers cannot deadlock on them.
-- Rows inserted count up, rows deleted count down (each trigger names its transition table changed_rows).
CREATE FUNCTION "applications_after_insert_or_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO application_counts (status, forwarded, n)
    SELECT status, forwarded_at IS NOT NULL, (CASE TG_OP WHEN 'DELETE' THEN -1 ELSE 1 END) * count(*)::integer
      FROM changed_rows GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (status, forwarded) DO UPDATE SET n = application_counts.n + excluded.n;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "applications_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
  IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id
              WHERE n.status IS DISTINCT FROM o.status OR (n.forwarded_at IS NULL) <> (o.forwarded_at IS NULL)) THEN
    INSERT INTO application_counts (status, forwarded, n)
      SELECT status, forwarded, sum(d)::integer FROM (
        SELECT n.status, n.forwarded_at IS NOT NULL AS forwarded, 1 AS d FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE n.status IS DISTINCT FROM o.status OR (n.forwarded_at IS NULL) <> (o.forwarded_at IS NULL)
        UNION ALL
        SELECT o.status, o.forwarded_at IS NOT NULL, -1 FROM new_rows n JOIN old_rows o ON o.id = n.id
         WHERE n.status IS DISTINCT FROM o.status OR (n.forwarded_at IS NULL) <> (o.forwarded_at IS NULL)
      ) d GROUP BY 1, 2 HAVING sum(d) <> 0 ORDER BY 1, 2
    ON CONFLICT (status, forwarded) DO UPDATE SET n = application_counts.n + excluded.n;
  END IF;
  IF EXISTS (SELECT 1 FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.updated_at IS DISTINCT FROM o.updated_at) THEN
    UPDATE application_cities c SET app_updated_at = n.updated_at
      FROM new_rows n JOIN old_rows o ON o.id = n.id
     WHERE c.application_id = n.id AND n.updated_at IS DISTINCT FROM o.updated_at;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "applications_after_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM application_counts;
  RETURN NULL;
END $$;--> statement-breakpoint
-- A new city row takes its application's updated_at.
CREATE FUNCTION "application_cities_before_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT a.updated_at INTO NEW.app_updated_at FROM applications a WHERE a.id = NEW.application_id;
  RETURN NEW;
END $$;--> statement-breakpoint
-- Whenever an application's cities change, its row's copies are made anew.
CREATE FUNCTION "application_cities_copy"(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(ids) = 0 THEN RETURN; END IF;
  UPDATE applications a
     SET city_codes = coalesce(x.codes, '{}'::text[]), authority_ids = coalesce(x.authorities, '{}'::text[])
    FROM unnest(ids) AS t(id)
    LEFT JOIN LATERAL (
      SELECT array_agg(c.city_code ORDER BY c.city_code) AS codes, array_agg(c.authority_id ORDER BY c.city_code) AS authorities
        FROM application_cities c WHERE c.application_id = t.id
    ) x ON true
   WHERE a.id = t.id
     AND (a.city_codes IS DISTINCT FROM coalesce(x.codes, '{}'::text[]) OR a.authority_ids IS DISTINCT FROM coalesce(x.authorities, '{}'::text[]));
END $$;--> statement-breakpoint
-- Rows inserted or deleted (each trigger names its transition table changed_rows).
CREATE FUNCTION "application_cities_after_insert_or_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM application_cities_copy(ARRAY(SELECT DISTINCT application_id FROM changed_rows));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "application_cities_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM application_cities_copy(ARRAY(
    SELECT n.application_id FROM new_rows n JOIN old_rows o ON o.application_id = n.application_id AND o.city_code = n.city_code
     WHERE n.authority_id IS DISTINCT FROM o.authority_id
    UNION SELECT n.application_id FROM new_rows n WHERE NOT EXISTS (SELECT 1 FROM old_rows o WHERE o.application_id = n.application_id AND o.city_code = n.city_code)
    UNION SELECT o.application_id FROM old_rows o WHERE NOT EXISTS (SELECT 1 FROM new_rows n WHERE o.application_id = n.application_id AND o.city_code = n.city_code)));
  RETURN NULL;
END $$;--> statement-breakpoint
-- The rows already there, before the triggers.
UPDATE application_cities c SET app_updated_at = a.updated_at FROM applications a WHERE a.id = c.application_id;--> statement-breakpoint
UPDATE applications a SET city_codes = x.codes, authority_ids = x.authorities
  FROM (SELECT application_id, array_agg(city_code ORDER BY city_code) AS codes, array_agg(authority_id ORDER BY city_code) AS authorities
          FROM application_cities GROUP BY application_id) x
 WHERE x.application_id = a.id;--> statement-breakpoint
INSERT INTO application_counts (status, forwarded, n)
  SELECT status, forwarded_at IS NOT NULL, count(*)::integer FROM applications GROUP BY 1, 2;--> statement-breakpoint
CREATE TRIGGER "applications_counts_insert" AFTER INSERT ON "applications" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "applications_after_insert_or_delete"();--> statement-breakpoint
CREATE TRIGGER "applications_copies_update" AFTER UPDATE ON "applications" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "applications_after_update"();--> statement-breakpoint
CREATE TRIGGER "applications_counts_delete" AFTER DELETE ON "applications" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "applications_after_insert_or_delete"();--> statement-breakpoint
CREATE TRIGGER "applications_counts_truncate" AFTER TRUNCATE ON "applications" FOR EACH STATEMENT EXECUTE FUNCTION "applications_after_truncate"();--> statement-breakpoint
CREATE TRIGGER "application_cities_updated_at" BEFORE INSERT OR UPDATE OF "application_id" ON "application_cities" FOR EACH ROW EXECUTE FUNCTION "application_cities_before_write"();--> statement-breakpoint
CREATE TRIGGER "application_cities_copy_insert" AFTER INSERT ON "application_cities" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "application_cities_after_insert_or_delete"();--> statement-breakpoint
CREATE TRIGGER "application_cities_copy_update" AFTER UPDATE ON "application_cities" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "application_cities_after_update"();--> statement-breakpoint
CREATE TRIGGER "application_cities_copy_delete" AFTER DELETE ON "application_cities" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "application_cities_after_insert_or_delete"();
