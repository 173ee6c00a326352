CREATE TABLE "coupling_intents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mapping_name" text NOT NULL,
	"direction" "sync_direction" NOT NULL,
	"source_id" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "full_sync_lines" (
	"run_id" uuid NOT NULL,
	"mapping_name" text NOT NULL,
	"position" integer NOT NULL,
	"depends_on" jsonb NOT NULL,
	"recommendation" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"erp_to_crm_job_id" uuid,
	"crm_to_erp_job_id" uuid,
	"message" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "full_sync_lines_run_id_mapping_name_pk" PRIMARY KEY("run_id","mapping_name")
);
--> statement-breakpoint
CREATE TABLE "full_sync_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"config_version" text NOT NULL,
	"started_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "mapping_leases" (
	"mapping_name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_watermarks" (
	"mapping_name" text NOT NULL,
	"direction" "sync_direction" NOT NULL,
	"watermark" timestamp (3) with time zone,
	"delta_token" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_watermarks_mapping_name_direction_pk" PRIMARY KEY("mapping_name","direction")
);
--> statement-breakpoint
CREATE TABLE "sync_conflicts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid,
	"mapping_name" text NOT NULL,
	"kind" text NOT NULL,
	"erp_id" text NOT NULL,
	"crm_id" text NOT NULL,
	"resolution" text NOT NULL,
	"changes" jsonb NOT NULL,
	"status" text DEFAULT 'closed' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "couplings" ADD COLUMN "last_error_erp" text;--> statement-breakpoint
ALTER TABLE "couplings" ADD COLUMN "last_error_crm" text;--> statement-breakpoint
ALTER TABLE "sync_job_errors" ADD COLUMN "code" text DEFAULT 'FAILED' NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD COLUMN "mode" text DEFAULT 'incremental' NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD COLUMN "heartbeat_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "full_sync_lines" ADD CONSTRAINT "full_sync_lines_run_id_full_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."full_sync_runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "full_sync_runs" ADD CONSTRAINT "full_sync_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_conflicts" ADD CONSTRAINT "sync_conflicts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "coupling_intents_mapping_idx" ON "coupling_intents" USING btree ("mapping_name","direction");--> statement-breakpoint
CREATE INDEX "sync_conflicts_mapping_status_idx" ON "sync_conflicts" USING btree ("mapping_name","status");--> statement-breakpoint
CREATE INDEX "sync_conflicts_job_idx" ON "sync_conflicts" USING btree ("job_id");