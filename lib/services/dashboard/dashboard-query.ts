import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { queryRows } from "@/db/query-rows";
import { SERVICE_BUDGET } from "@/lib/connectors/usage/request-meter";

type Instant = string | null;
export type HourRow = { hour: string; synced: number; failed: number; jobs: number };
export type ConnectionRow = {
  id: string;
  name: string;
  system: "erp" | "crm";
  kind: "sandbox" | "real";
  lastSuccessAt: Instant;
  lastFailureAt: Instant;
  lastErrorCode: string | null;
  lastError: string | null;
  lastThrottledAt: Instant;
  windowRequests: number;
  windowThrottled: number;
};
export type LastRunRow = {
  mappingName: string;
  direction: "erp-to-crm" | "crm-to-erp";
  id: string;
  status: string;
  createdAt: string;
  failed: number;
  skipped: number;
  message: string | null;
  type: "synchronization" | "coupling" | "uncoupling";
};
export type RunningRow = {
  id: string;
  mappingName: string;
  direction: string;
  done: number;
  expected: number | null;
  startedAt: Instant;
};
export type DashboardRow = {
  hours: HourRow[] | null;
  connections: ConnectionRow[] | null;
  lastRuns: LastRunRow[] | null;
  running: RunningRow[] | null;
  held: number;
  openConflicts: number;
  skippedByMapping: { mappingName: string; count: number }[] | null;
  historyJobs: number;
  oldestJobAt: Instant;
  retentionDays: number | null;
  receiver: {
    url: string | null;
    lastDeliveredAt: Instant;
    lastGaveUpAt: Instant;
    failedAttemptsSinceSuccess: number;
    lastError: string | null;
  };
};

/**
 * Every figure of the dashboard in one statement: each part is an aggregate an index answers (jobs by pair and
 * time, per mapping and direction the newest job, couplings by pair and skipped), so it stays fast at 100,000
 * couplings and 10,000 jobs (`npm run bench:console`).
 */
export async function queryDashboard(
  db: DbOrTx,
  pairId: string,
  mappings: string[],
  since: Date,
): Promise<DashboardRow> {
  const window = `${SERVICE_BUDGET.windowMinutes - 1} minutes`;
  const names = sql`array[${sql.join(mappings.length ? mappings.map((m) => sql`${m}`) : [sql`''`], sql`, `)}]::text[]`;
  const [row] = await queryRows<DashboardRow>(
    db,
    sql`
    with pair as (select erp_connection_id, crm_connection_id from connection_pairs where id = ${pairId}),
    hours as (
      select date_trunc('hour', created_at) as hour,
        sum(inserted + modified + deleted + coupled + uncoupled)::int as synced, sum(failed)::int as failed,
        count(*)::int as jobs
      from sync_jobs where pair_id = ${pairId} and created_at >= ${since} group by 1
    ),
    usage as (
      select connection_id, sum(requests)::int as requests, sum(throttled)::int as throttled from connection_usage
      where minute >= date_trunc('minute', now()) - ${window}::interval
        and connection_id in (select erp_connection_id from pair union all select crm_connection_id from pair)
      group by connection_id
    ),
    runs as (
      select r.* from unnest(${names}) as m(name)
      cross join (values ('erp-to-crm'::sync_direction), ('crm-to-erp'::sync_direction)) as d(direction)
      cross join lateral (
        select j.mapping_name as "mappingName", j.direction, j.id, j.status, j.created_at as "createdAt", j.failed,
          j.skipped, j.message, j.type
        from sync_jobs j
        where j.mapping_name = m.name and j.pair_id = ${pairId} and j.direction = d.direction
        order by j.created_at desc limit 1
      ) r
    ),
    hook as (select webhook_url as url from integration_settings where id = 1),
    sent as (select d.* from notification_deliveries d where d.url = (select url from hook)),
    attempts as (
      select a.id, a.status_code, a.error, a.at from notification_attempts a
      where a.delivery_id in (select id from sent) order by a.at desc, a.id desc limit 50
    )
    select
      (select json_agg(h order by h.hour) from hours h) as hours,
      (select json_agg(json_build_object('id', c.id, 'name', c.name, 'system', c.system, 'kind', c.kind,
          'lastSuccessAt', h.last_success_at, 'lastFailureAt', h.last_failure_at, 'lastErrorCode', h.last_error_code,
          'lastError', h.last_error, 'lastThrottledAt', h.last_throttled_at,
          'windowRequests', coalesce(u.requests, 0), 'windowThrottled', coalesce(u.throttled, 0)) order by c.system)
        from connections c left join connection_health h on h.connection_id = c.id
        left join usage u on u.connection_id = c.id
        where c.id in (select erp_connection_id from pair union all select crm_connection_id from pair)) as connections,
      (select json_agg(r) from runs r) as "lastRuns",
      (select json_agg(json_build_object('id', id, 'mappingName', mapping_name, 'direction', direction,
          'done', inserted + modified + deleted + unchanged + skipped + failed, 'expected', expected,
          'startedAt', started_at) order by started_at)
        from sync_jobs where status = 'running' and pair_id = ${pairId}) as running,
      (select count(*)::int from sync_jobs where status = 'held' and pair_id = ${pairId}) as held,
      (select count(*)::int from sync_conflicts where pair_id = ${pairId} and status = 'open') as "openConflicts",
      (select json_agg(json_build_object('mappingName', mapping_name, 'count', n) order by n desc)
        from (select mapping_name, count(*)::int as n from couplings where pair_id = ${pairId} and skipped
              group by mapping_name) s) as "skippedByMapping",
      (select count(*)::int from sync_jobs) as "historyJobs",
      (select min(created_at) from sync_jobs) as "oldestJobAt",
      (select retention_days from integration_settings where id = 1) as "retentionDays",
      json_build_object(
        'url', (select url from hook),
        'lastDeliveredAt', (select max(delivered_at) from sent),
        'lastGaveUpAt', (select max(failed_at) from sent),
        'failedAttemptsSinceSuccess', (select count(*)::int from attempts a
          where a.at > coalesce((select max(at) from attempts where status_code between 200 and 299), '-infinity')),
        'lastError', (select coalesce(a.error, 'HTTP ' || a.status_code) from attempts a
          where a.status_code is null or a.status_code not between 200 and 299 order by a.at desc, a.id desc limit 1)
      ) as receiver`,
  );
  return row!;
}
