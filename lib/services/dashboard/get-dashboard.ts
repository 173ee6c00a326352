import { loadPublishedConfig } from "@/lib/integration/published-config";
import { requireRole, type ServiceContext } from "../context";
import { activePairOrNull } from "../connections/active-pair";
import { queryDashboard, type LastRunRow, type RunningRow } from "./dashboard-query";
import {
  CHART_HOURS,
  connectionCard,
  fillHours,
  HOUR_MS,
  receiverState,
  type ConnectionCard,
  type HourPoint,
  type ReceiverState,
} from "./dashboard-view";

export type MappingState = { name: string; runs: LastRunRow[] };
export type Dashboard = {
  pairId: string;
  connections: ConnectionCard[];
  hours: HourPoint[];
  totals: { synced: number; failed: number };
  mappings: MappingState[];
  running: RunningRow[];
  held: number;
  openConflicts: number;
  skippedRecords: number;
  /** Most skipped first: the dashboard links to the couplings of the first. */
  skippedByMapping: { mappingName: string; count: number }[];
  history: { retentionDays: number; jobs: number; oldestJobAt: string | null };
  receiver: ReceiverState;
};

const DEFAULT_RETENTION_DAYS = 30;

/** The Overview page's figures for the active connection pair; null while a system has no active connection. */
export async function getDashboard(args: { ctx: ServiceContext; now?: Date }): Promise<Dashboard | null> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const pairId = await activePairOrNull(ctx.db);
  if (!pairId) return null;
  const now = args.now ?? new Date();
  const published = await loadPublishedConfig(ctx.db).catch(() => null);
  const names = published?.config.mappings.map((m) => m.name) ?? [];
  const since = new Date((Math.floor(now.getTime() / HOUR_MS) - CHART_HOURS + 1) * HOUR_MS);
  const row = await queryDashboard(ctx.db, pairId, names, since);
  const hours = fillHours(row.hours ?? [], now);
  const runs = row.lastRuns ?? [];
  return {
    pairId,
    connections: (row.connections ?? []).map((c) => connectionCard(c, now)),
    hours,
    totals: {
      synced: hours.reduce((sum, h) => sum + h.synced, 0),
      failed: hours.reduce((sum, h) => sum + h.failed, 0),
    },
    mappings: names.map((name) => ({ name, runs: runs.filter((r) => r.mappingName === name) })),
    running: row.running ?? [],
    held: row.held,
    openConflicts: row.openConflicts,
    skippedRecords: (row.skippedByMapping ?? []).reduce((sum, m) => sum + m.count, 0),
    skippedByMapping: row.skippedByMapping ?? [],
    history: {
      retentionDays: row.retentionDays ?? DEFAULT_RETENTION_DAYS,
      jobs: row.historyJobs,
      oldestJobAt: row.oldestJobAt,
    },
    receiver: receiverState(row.receiver),
  };
}
