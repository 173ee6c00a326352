import type { Database } from "@/db/client";
import { BC_SALES_RULES } from "@/lib/rules/bc-sales";
import { notifyJobEnded } from "@/lib/services/notifications/notify-job-ended";
import { BC_SALES_RULE_ENTITIES } from "@/lib/rules/bc-sales/rule-entities";
import { createEngineContext, type EngineContext, type EngineSettings } from "@/lib/sync/engine/engine-context";
import { flushUsage } from "@/lib/services/connections/connection-usage";
import { buildConnectors } from "./build-connectors";
import { engineSettingsFromEnv } from "./engine-settings";
import { activeConnections, pairOf } from "./integration-connections";
import { loadPublishedConfig } from "./published-config";

/** An engine for the app's database: the published config, the configured connections, the integration's rules. */
export async function openEngine(
  db: Database,
  overrides: { settings?: Partial<EngineSettings> } = {},
): Promise<EngineContext> {
  const { config } = await loadPublishedConfig(db);
  const active = await activeConnections(db);
  const entities = (side: "erp" | "crm") => [
    ...new Set([...config.mappings.map((m) => m[side].entity), ...BC_SALES_RULE_ENTITIES[side]]),
  ];
  const { connectors, catalogs } = await buildConnectors(db, active, {
    entities: { erp: entities("erp"), crm: entities("crm") },
  });
  return createEngineContext({
    db,
    pairId: await pairOf(db, active.erp!.id, active.crm!.id),
    config,
    connectors,
    catalogs,
    rules: BC_SALES_RULES,
    settings: { ...engineSettingsFromEnv(), ...overrides.settings },
    onJobEnded: async (job) => {
      await flushUsage(db);
      await notifyJobEnded(db, job);
    },
  });
}

/** First start: sandbox connections and the template published as version 1, where nothing is configured yet. */
export { ensureSandboxConnections } from "./integration-connections";
export { ensureTemplatePublished } from "./published-config";
