import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { queryRows } from "@/db/query-rows";

export const SCALE = { couplings: 100_000, jobs: 10_000, errors: 200_000, failedJobs: 1_000 };
const MAPPINGS = ["CUSTOMER", "CONTACT", "ITEM-PRODUCT", "CURRENCY", "SALESPEOPLE", "OPPORTUNITY"];
const CODES = ["LOOKUP_NOT_COUPLED", "WRITE_FAILED", "VALUE_NOT_MAPPED", "UPDATE_CONFLICT"];
const FIELDS = ["primarycontactid", "ownerid", "transactioncurrencyid", "paymenttermscode", null];

/**
 * The console's benchmark data, made by the database in a few statements: 100,000 couplings (1 % failed, 1 % skipped),
 * 10,000 jobs over 30 days, and 200,000 error rows on 1,000 of the jobs.
 */
export async function seedConsoleScale(db: Database, pairId: string): Promise<string> {
  const mappings = JSON.stringify(MAPPINGS);
  await queryRows(
    db,
    sql`insert into couplings (pair_id, mapping_name, erp_id, crm_id, last_synced_erp_modified_on, last_synced_crm_modified_on, last_result_erp, last_result_crm, skipped, updated_at)
        select ${pairId}::uuid, case when i % 10 < 6 then 'CUSTOMER' else 'CONTACT' end,
               'erp-' || lpad(i::text, 7, '0'), md5(i::text)::uuid::text, now() - (i || ' seconds')::interval, now() - (i || ' seconds')::interval,
               case when i % 100 = 7 then 'failure'::sync_result else 'success'::sync_result end, 'success'::sync_result,
               i % 100 = 42, now() - (i || ' seconds')::interval
        from generate_series(1, ${SCALE.couplings}) as s(i)`,
  );
  await queryRows(
    db,
    sql`insert into sync_jobs (pair_id, mapping_name, direction, status, trigger, mode, inserted, modified, unchanged, failed, created_at, started_at, finished_at)
        select ${pairId}::uuid, (${mappings}::jsonb ->> (i % ${MAPPINGS.length}))::text,
               case when i % 2 = 0 then 'erp-to-crm'::sync_direction else 'crm-to-erp'::sync_direction end,
               case when i % 50 = 0 then 'failed'::sync_job_status else 'succeeded'::sync_job_status end,
               case when i % 3 = 0 then 'manual' else 'schedule' end, 'incremental',
               i % 17, i % 13, i % 101, case when i % 10 = 0 then 200 else 0 end,
               now() - (i * 259 || ' seconds')::interval, now() - (i * 259 || ' seconds')::interval, now() - (i * 259 - 5 || ' seconds')::interval
        from generate_series(1, ${SCALE.jobs}) as s(i)`,
  );
  const [busiest] = await queryRows<{ id: string }>(
    db,
    sql`select id from sync_jobs where failed > 0 order by created_at desc limit 1`,
  );
  const codes = JSON.stringify(CODES);
  const fields = JSON.stringify(FIELDS);
  await queryRows(
    db,
    sql`insert into sync_job_errors (job_id, source_id, destination_id, code, field, message, created_at)
        select j.id, 'erp-' || lpad((e.n * 7)::text, 7, '0'), null,
               (${codes}::jsonb ->> (e.n % ${CODES.length}))::text, (${fields}::jsonb ->> (e.n % ${FIELDS.length}))::text,
               'The record ' || e.n || ' failed: the referenced record is not coupled.', j.created_at
        from (select id, created_at from sync_jobs where failed > 0 order by created_at desc limit ${SCALE.failedJobs}) as j,
             generate_series(1, ${SCALE.errors / SCALE.failedJobs}) as e(n)`,
  );
  await queryRows(db, sql`analyze`);
  return busiest!.id;
}
