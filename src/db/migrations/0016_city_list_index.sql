DROP INDEX "application_cities_city_idx";--> statement-breakpoint
CREATE INDEX "application_cities_city_app_idx" ON "application_cities" USING btree ("city_code","application_id");