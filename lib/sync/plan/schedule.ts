import type { RuntimeConfig } from "@/lib/mapping/model/runtime-config";

export const DEFAULT_EVERY_MINUTES = 30;
/** A tick that lands a little early still counts: cron fires on the minute, runs start a few seconds late. */
const SLACK_MS = 5_000;

/**
 * Mappings whose scheduled run is due at `now`: every main mapping with a schedule (document lines run with their
 * header), when it never ran on schedule or its interval has passed since the last scheduled run was queued. A
 * `paused` mapping (one of its runs is held by the mass-change guard) is not due until an admin decides.
 */
/** Mappings with no schedule of their own (and no header they run with) get the integration's default, when set. */
export function withDefaultSchedule(config: RuntimeConfig, everyMinutes: number | null): RuntimeConfig {
  if (!everyMinutes) return config;
  return {
    ...config,
    mappings: config.mappings.map((m) => (m.schedule || m.parent ? m : { ...m, schedule: { everyMinutes } })),
  };
}

export function dueMappings(
  config: RuntimeConfig,
  lastScheduled: ReadonlyMap<string, Date>,
  now: Date,
  paused: ReadonlySet<string> = new Set(),
): string[] {
  return config.mappings
    .filter((mapping) => mapping.schedule && !mapping.parent && !paused.has(mapping.name))
    .filter((mapping) => {
      const last = lastScheduled.get(mapping.name);
      return !last || now.getTime() - last.getTime() >= mapping.schedule!.everyMinutes * 60_000 - SLACK_MS;
    })
    .map((mapping) => mapping.name);
}
