CREATE TYPE "public"."connection_kind" AS ENUM('sandbox', 'real');--> statement-breakpoint
CREATE TYPE "public"."mapping_version_status" AS ENUM('draft', 'published');--> statement-breakpoint
CREATE TYPE "public"."sync_direction" AS ENUM('erp-to-crm', 'crm-to-erp');--> statement-breakpoint
CREATE TYPE "public"."sync_job_status" AS ENUM('queued', 'running', 'succeeded', 'failed', 'aborted', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."sync_job_type" AS ENUM('synchronization', 'coupling', 'uncoupling');--> statement-breakpoint
CREATE TYPE "public"."sync_result" AS ENUM('success', 'failure');--> statement-breakpoint
CREATE TYPE "public"."system_side" AS ENUM('erp', 'crm');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('viewer', 'consultant', 'admin');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_attempts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sign_in_attempts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "user_role" NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "connections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"system" "system_side" NOT NULL,
	"kind" "connection_kind" NOT NULL,
	"base_url" text NOT NULL,
	"token_url" text,
	"client_id" text,
	"client_secret_encrypted" text,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "connections_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "mapping_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" integer NOT NULL,
	"status" "mapping_version_status" NOT NULL,
	"graph" jsonb NOT NULL,
	"runtime_config" jsonb,
	"content_hash" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "couplings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mapping_name" text NOT NULL,
	"erp_id" text NOT NULL,
	"crm_id" text NOT NULL,
	"last_synced_erp_modified_on" timestamp (3) with time zone,
	"last_synced_crm_modified_on" timestamp (3) with time zone,
	"erp_etag" text,
	"crm_etag" text,
	"last_result_erp" "sync_result",
	"last_result_crm" "sync_result",
	"last_job_id_erp" uuid,
	"last_job_id_crm" uuid,
	"skipped" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_job_errors" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sync_job_errors_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"job_id" uuid NOT NULL,
	"source_id" text,
	"destination_id" text,
	"message" text NOT NULL,
	"detail" text,
	"payload" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"mapping_name" text NOT NULL,
	"direction" "sync_direction" NOT NULL,
	"type" "sync_job_type" DEFAULT 'synchronization' NOT NULL,
	"status" "sync_job_status" DEFAULT 'queued' NOT NULL,
	"config_version" text,
	"trigger" text NOT NULL,
	"started_by" uuid,
	"inserted" integer DEFAULT 0 NOT NULL,
	"modified" integer DEFAULT 0 NOT NULL,
	"deleted" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"coupled" integer DEFAULT 0 NOT NULL,
	"uncoupled" integer DEFAULT 0 NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mapping_versions" ADD CONSTRAINT "mapping_versions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_job_errors" ADD CONSTRAINT "sync_job_errors_job_id_sync_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."sync_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_jobs" ADD CONSTRAINT "sync_jobs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_email_idx" ON "sign_in_attempts" USING btree ("email","created_at");--> statement-breakpoint
CREATE INDEX "sign_in_attempts_ip_idx" ON "sign_in_attempts" USING btree ("ip","created_at");--> statement-breakpoint
CREATE INDEX "mapping_versions_status_idx" ON "mapping_versions" USING btree ("status","number");--> statement-breakpoint
CREATE UNIQUE INDEX "couplings_mapping_erp_uq" ON "couplings" USING btree ("mapping_name","erp_id");--> statement-breakpoint
CREATE UNIQUE INDEX "couplings_mapping_crm_uq" ON "couplings" USING btree ("mapping_name","crm_id");--> statement-breakpoint
CREATE INDEX "couplings_mapping_skipped_idx" ON "couplings" USING btree ("mapping_name","skipped");--> statement-breakpoint
CREATE INDEX "sync_job_errors_job_idx" ON "sync_job_errors" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "sync_jobs_mapping_created_idx" ON "sync_jobs" USING btree ("mapping_name","created_at");--> statement-breakpoint
CREATE INDEX "sync_jobs_created_idx" ON "sync_jobs" USING btree ("created_at");