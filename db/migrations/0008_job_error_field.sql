DROP INDEX "sync_job_errors_job_idx";--> statement-breakpoint
ALTER TABLE "sync_job_errors" ADD COLUMN "field" text;--> statement-breakpoint
CREATE INDEX "sync_job_errors_job_cause_idx" ON "sync_job_errors" USING btree ("job_id","code","field","id");