CREATE TABLE "sandbox_changes" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sandbox_changes_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"system" "system_side" NOT NULL,
	"entity" text NOT NULL,
	"record_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_records" (
	"system" "system_side" NOT NULL,
	"entity" text NOT NULL,
	"id" uuid NOT NULL,
	"data" jsonb NOT NULL,
	"version" bigint NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	"modified_at" timestamp (3) with time zone NOT NULL,
	"modified_by" uuid,
	CONSTRAINT "sandbox_records_system_entity_id_pk" PRIMARY KEY("system","entity","id")
);
--> statement-breakpoint
CREATE TABLE "sandbox_settings" (
	"system" "system_side" PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"system" "system_side" NOT NULL,
	"client_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sandbox_changes_entity_seq_idx" ON "sandbox_changes" USING btree ("system","entity","seq");--> statement-breakpoint
CREATE INDEX "sandbox_records_modified_idx" ON "sandbox_records" USING btree ("system","entity","modified_at","id");