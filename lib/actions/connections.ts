"use server";
import { revalidatePath } from "next/cache";
import { activateConnection, saveConnection } from "@/lib/services/connections/save-connection";
import { testConnection } from "@/lib/services/connections/test-connection";
import { activateSandboxConnections } from "@/lib/services/connections/activate-sandboxes";
import { rotateAvailabilityKey, saveIntegrationSettings } from "@/lib/services/settings/integration-settings";
import { listWriteInProducts } from "@/lib/services/settings/write-in-products";
import { sendTestNotification } from "@/lib/services/notifications/send-test-notification";
import { defineAction } from "./define-action";

const refreshed = <T>(value: T): T => {
  revalidatePath("/connections");
  return value;
};

export const saveConnectionAction = defineAction("admin", async (ctx, input) =>
  refreshed(await saveConnection({ ctx, input })),
);
export const testConnectionAction = defineAction("admin", (ctx, input) => testConnection({ ctx, input }));
export const activateConnectionAction = defineAction("admin", async (ctx, input) =>
  refreshed(await activateConnection({ ctx, input })),
);
export const activateSandboxesAction = defineAction("admin", async (ctx) =>
  refreshed(await activateSandboxConnections({ ctx })),
);

// Integration settings (BC's Connection Setup): item availability and its key, sales orders, quotes, write-ins.
export const saveIntegrationSettingsAction = defineAction("admin", async (ctx, input) =>
  refreshed(await saveIntegrationSettings({ ctx, input })),
);
export const rotateAvailabilityKeyAction = defineAction("admin", async (ctx) =>
  refreshed(await rotateAvailabilityKey({ ctx })),
);
export const listWriteInProductsAction = defineAction("admin", (ctx, input) => listWriteInProducts({ ctx, input }));
// One signed POST to the saved webhook URL, with the stored secret: only an admin, who can change both, sends it.
export const sendTestNotificationAction = defineAction("admin", (ctx) => sendTestNotification({ ctx }));
