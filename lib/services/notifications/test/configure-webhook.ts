import type { Database } from "@/db/client";
import { contextAs } from "@/db/test/factories";
import { saveIntegrationSettings } from "../../settings/integration-settings";

const BASE = {
  itemAvailability: false,
  salesOrderIntegration: false,
  autoCreateSalesOrders: false,
  autoProcessQuotes: false,
  writeInProductType: "item",
  writeInProductNo: "",
  defaultScheduleMinutes: "",
};

/** Sets the webhook through the settings verb, as an admin does on the Connections page. */
export async function configureWebhook(db: Database, webhook: Record<string, unknown>) {
  return saveIntegrationSettings({ ctx: await contextAs(db, "admin"), input: { ...BASE, ...webhook } });
}
