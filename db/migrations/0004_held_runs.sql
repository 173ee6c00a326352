ALTER TYPE "public"."sync_job_status" ADD VALUE 'held';--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD COLUMN "hold" jsonb;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD CONSTRAINT "sync_jobs_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sync_jobs_status_idx" ON "sync_jobs" USING btree ("status");