import type { Database } from "@/db/client";
import { BC_SALES_RULES } from "@/lib/rules/bc-sales";
import { createEngineContext, type EngineContext, type EngineSettings } from "@/lib/sync/engine/engine-context";
import { buildConnectors } from "./build-connectors";
import { engineSettingsFromEnv } from "./engine-settings";
import { activeConnections } from "./integration-connections";
import { loadPublishedConfig } from "./published-config";

/** An engine for the app's database: the published config, the configured connections, the integration's rules. */
export async function openEngine(
  db: Database,
  overrides: { settings?: Partial<EngineSettings> } = {},
): Promise<EngineContext> {
  const { config } = await loadPublishedConfig(db);
  const { connectors, catalogs } = await buildConnectors(db, await activeConnections(db));
  return createEngineContext({
    db,
    config,
    connectors,
    catalogs,
    rules: BC_SALES_RULES,
    settings: { ...engineSettingsFromEnv(), ...overrides.settings },
  });
}

/** First start: sandbox connections and the template published as version 1, where nothing is configured yet. */
export { ensureSandboxConnections } from "./integration-connections";
export { ensureTemplatePublished } from "./published-config";
