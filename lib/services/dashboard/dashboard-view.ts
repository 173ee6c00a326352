import { SERVICE_BUDGET } from "@/lib/connectors/usage/request-meter";
import type { ConnectionRow, DashboardRow, HourRow } from "./dashboard-query";

export const HOUR_MS = 3_600_000;
export const CHART_HOURS = 7 * 24;

export type HourPoint = { hour: string; synced: number; failed: number };
export type ConnectionState = "healthy" | "failing" | "unknown";
export type ConnectionCard = ConnectionRow & {
  state: ConnectionState;
  /** A 429 answered within the last hour. */
  throttledRecently: boolean;
  budget: { used: number; limit: number; windowMinutes: number };
};
export type ReceiverState = DashboardRow["receiver"] & { failing: boolean };

const time = (iso: string | null) => (iso ? Date.parse(iso) : -Infinity);

/** Every hour of the window, oldest first, with zeros where no job ran: a chart's x axis must not skip hours. */
export function fillHours(rows: HourRow[], now: Date, hours = CHART_HOURS): HourPoint[] {
  const byHour = new Map(rows.map((r) => [Math.floor(Date.parse(r.hour) / HOUR_MS), r]));
  const last = Math.floor(now.getTime() / HOUR_MS);
  return Array.from({ length: hours }, (_, i) => {
    const slot = last - hours + 1 + i;
    const row = byHour.get(slot);
    return { hour: new Date(slot * HOUR_MS).toISOString(), synced: row?.synced ?? 0, failed: row?.failed ?? 0 };
  });
}

/** Healthy when the last call that reached the service came after the last connection-level failure. */
export function connectionState(row: Pick<ConnectionRow, "lastSuccessAt" | "lastFailureAt">): ConnectionState {
  if (!row.lastSuccessAt && !row.lastFailureAt) return "unknown";
  return time(row.lastSuccessAt) >= time(row.lastFailureAt) ? "healthy" : "failing";
}

export function connectionCard(row: ConnectionRow, now: Date): ConnectionCard {
  return {
    ...row,
    state: connectionState(row),
    throttledRecently: time(row.lastThrottledAt) > now.getTime() - HOUR_MS,
    budget: { used: row.windowRequests, limit: SERVICE_BUDGET.requests, windowMinutes: SERVICE_BUDGET.windowMinutes },
  };
}

/** A receiver fails when its newest notification was given up on, or three attempts in a row failed. */
export function receiverState(receiver: DashboardRow["receiver"]): ReceiverState {
  const gaveUpLast = time(receiver.lastGaveUpAt) > time(receiver.lastDeliveredAt);
  return { ...receiver, failing: Boolean(receiver.url) && (gaveUpLast || receiver.failedAttemptsSinceSuccess >= 3) };
}

/** "2026-12-08T03" for the job list's hour filter. */
export const hourParam = (iso: string): string => iso.slice(0, 13);

/** The job list of one hour, with the chart's own filter (e.g. "outcome=with-failures") beside it. */
export const jobsOfHour = (iso: string, filter?: string): string =>
  `/jobs?hour=${hourParam(iso)}${filter ? `&${filter}` : ""}`;
