-- The Couplings page: newest changes first, and record ids found by their beginning in any case (text_pattern_ops
-- lets LIKE 'prefix%' use the index whatever the database's collation).
CREATE INDEX IF NOT EXISTS "couplings_pair_mapping_updated_idx" ON "couplings" USING btree ("pair_id","mapping_name","updated_at");--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "couplings_pair_mapping_erp_prefix_idx" ON "couplings" USING btree ("pair_id","mapping_name",lower("erp_id") text_pattern_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "couplings_pair_mapping_crm_prefix_idx" ON "couplings" USING btree ("pair_id","mapping_name",lower("crm_id") text_pattern_ops);
