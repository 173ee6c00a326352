CREATE TABLE "integration_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"item_availability" boolean DEFAULT false NOT NULL,
	"availability_key_hash" text,
	"availability_key_created_at" timestamp with time zone,
	"sales_order_integration" boolean DEFAULT false NOT NULL,
	"auto_create_sales_orders" boolean DEFAULT false NOT NULL,
	"auto_process_quotes" boolean DEFAULT false NOT NULL,
	"write_in_product_type" text DEFAULT 'item' NOT NULL,
	"write_in_product_no" text,
	"default_schedule_minutes" integer,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "integration_settings" ADD CONSTRAINT "integration_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;