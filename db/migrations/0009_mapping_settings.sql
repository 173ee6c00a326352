CREATE TABLE "mapping_settings" (
	"mapping_name" text PRIMARY KEY NOT NULL,
	"schedule_enabled" boolean DEFAULT true NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mapping_settings" ADD CONSTRAINT "mapping_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;