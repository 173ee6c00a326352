CREATE TABLE "connection_pairs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"erp_connection_id" uuid NOT NULL,
	"crm_connection_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connection_pairs_uq" UNIQUE("erp_connection_id","crm_connection_id")
);--> statement-breakpoint
DROP INDEX "couplings_mapping_erp_uq";--> statement-breakpoint
DROP INDEX "couplings_mapping_crm_uq";--> statement-breakpoint
DROP INDEX "couplings_mapping_skipped_idx";--> statement-breakpoint
DROP INDEX "coupling_intents_mapping_idx";--> statement-breakpoint
DROP INDEX "sync_conflicts_mapping_status_idx";--> statement-breakpoint
ALTER TABLE "sync_watermarks" DROP CONSTRAINT "sync_watermarks_mapping_name_direction_pk";--> statement-breakpoint
ALTER TABLE "connections" ADD COLUMN "active" boolean DEFAULT false NOT NULL;--> statement-breakpoint
UPDATE "connections" c SET "active" = true WHERE c."id" = (SELECT c2."id" FROM "connections" c2 WHERE c2."system" = c."system" ORDER BY c2."updated_at" DESC LIMIT 1);--> statement-breakpoint
INSERT INTO "connection_pairs" ("erp_connection_id", "crm_connection_id") SELECT e."id", c."id" FROM "connections" e, "connections" c WHERE e."system" = 'erp' AND e."active" AND c."system" = 'crm' AND c."active";--> statement-breakpoint
ALTER TABLE "couplings" ADD COLUMN "pair_id" uuid;--> statement-breakpoint
UPDATE "couplings" SET "pair_id" = (SELECT "id" FROM "connection_pairs" LIMIT 1);--> statement-breakpoint
DELETE FROM "couplings" WHERE "pair_id" IS NULL;--> statement-breakpoint
ALTER TABLE "couplings" ALTER COLUMN "pair_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD COLUMN "pair_id" uuid;--> statement-breakpoint
UPDATE "sync_jobs" SET "pair_id" = (SELECT "id" FROM "connection_pairs" LIMIT 1);--> statement-breakpoint
DELETE FROM "sync_jobs" WHERE "pair_id" IS NULL;--> statement-breakpoint
ALTER TABLE "sync_jobs" ALTER COLUMN "pair_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "coupling_intents" ADD COLUMN "pair_id" uuid;--> statement-breakpoint
UPDATE "coupling_intents" SET "pair_id" = (SELECT "id" FROM "connection_pairs" LIMIT 1);--> statement-breakpoint
DELETE FROM "coupling_intents" WHERE "pair_id" IS NULL;--> statement-breakpoint
ALTER TABLE "coupling_intents" ALTER COLUMN "pair_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "full_sync_runs" ADD COLUMN "pair_id" uuid;--> statement-breakpoint
UPDATE "full_sync_runs" SET "pair_id" = (SELECT "id" FROM "connection_pairs" LIMIT 1);--> statement-breakpoint
DELETE FROM "full_sync_runs" WHERE "pair_id" IS NULL;--> statement-breakpoint
ALTER TABLE "full_sync_runs" ALTER COLUMN "pair_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_watermarks" ADD COLUMN "pair_id" uuid;--> statement-breakpoint
UPDATE "sync_watermarks" SET "pair_id" = (SELECT "id" FROM "connection_pairs" LIMIT 1);--> statement-breakpoint
DELETE FROM "sync_watermarks" WHERE "pair_id" IS NULL;--> statement-breakpoint
ALTER TABLE "sync_watermarks" ALTER COLUMN "pair_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_conflicts" ADD COLUMN "pair_id" uuid;--> statement-breakpoint
UPDATE "sync_conflicts" SET "pair_id" = (SELECT "id" FROM "connection_pairs" LIMIT 1);--> statement-breakpoint
DELETE FROM "sync_conflicts" WHERE "pair_id" IS NULL;--> statement-breakpoint
ALTER TABLE "sync_conflicts" ALTER COLUMN "pair_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_watermarks" ADD CONSTRAINT "sync_watermarks_pair_id_mapping_name_direction_pk" PRIMARY KEY("pair_id","mapping_name","direction");--> statement-breakpoint
ALTER TABLE "connection_pairs" ADD CONSTRAINT "connection_pairs_erp_connection_id_connections_id_fk" FOREIGN KEY ("erp_connection_id") REFERENCES "public"."connections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "connection_pairs" ADD CONSTRAINT "connection_pairs_crm_connection_id_connections_id_fk" FOREIGN KEY ("crm_connection_id") REFERENCES "public"."connections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "couplings" ADD CONSTRAINT "couplings_pair_id_connection_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."connection_pairs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD CONSTRAINT "sync_jobs_pair_id_connection_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."connection_pairs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coupling_intents" ADD CONSTRAINT "coupling_intents_pair_id_connection_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."connection_pairs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "full_sync_runs" ADD CONSTRAINT "full_sync_runs_pair_id_connection_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."connection_pairs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_watermarks" ADD CONSTRAINT "sync_watermarks_pair_id_connection_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."connection_pairs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_conflicts" ADD CONSTRAINT "sync_conflicts_pair_id_connection_pairs_id_fk" FOREIGN KEY ("pair_id") REFERENCES "public"."connection_pairs"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "connections_active_uq" ON "connections" USING btree ("system") WHERE "connections"."active";--> statement-breakpoint
CREATE UNIQUE INDEX "couplings_pair_mapping_erp_uq" ON "couplings" USING btree ("pair_id","mapping_name","erp_id");--> statement-breakpoint
CREATE UNIQUE INDEX "couplings_pair_mapping_crm_uq" ON "couplings" USING btree ("pair_id","mapping_name","crm_id");--> statement-breakpoint
CREATE INDEX "couplings_pair_mapping_skipped_idx" ON "couplings" USING btree ("pair_id","mapping_name","skipped");--> statement-breakpoint
CREATE INDEX "sync_jobs_pair_created_idx" ON "sync_jobs" USING btree ("pair_id","created_at");--> statement-breakpoint
CREATE INDEX "coupling_intents_pair_mapping_idx" ON "coupling_intents" USING btree ("pair_id","mapping_name","direction");--> statement-breakpoint
CREATE INDEX "sync_conflicts_pair_mapping_status_idx" ON "sync_conflicts" USING btree ("pair_id","mapping_name","status");
