import { desc } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditLog, integrationSettings } from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import {
  availabilityKeyMatches,
  getIntegrationSettings,
  rotateAvailabilityKey,
  saveIntegrationSettings,
} from "./integration-settings";
import { listWriteInProducts } from "./write-in-products";
import { prepareIntegration } from "@/lib/integration/first-start";

const SETTINGS = {
  itemAvailability: true,
  salesOrderIntegration: true,
  autoCreateSalesOrders: true,
  autoProcessQuotes: false,
  writeInProductType: "resource",
  writeInProductNo: "MARTY",
  defaultScheduleMinutes: "15",
};

describeEachDriver("integration settings", (database: () => TestDatabase) => {
  const db = () => database().db;

  it("should save the settings with an audit row and show them to a viewer", async () => {
    const admin = await contextAs(db(), "admin");
    await saveIntegrationSettings({ ctx: admin, input: SETTINGS });
    const viewer = await contextAs(db(), "viewer");
    expect(await getIntegrationSettings({ ctx: viewer })).toMatchObject({
      ...SETTINGS,
      defaultScheduleMinutes: 15,
      availabilityKeySet: false,
    });
    const [audit] = await db().select().from(auditLog).orderBy(desc(auditLog.createdAt)).limit(1);
    expect(audit).toMatchObject({ action: "settings.update" });
  });

  it("should refuse automatic sales orders without the sales-order integration, with a field error", async () => {
    const admin = await contextAs(db(), "admin");
    await expect(
      saveIntegrationSettings({ ctx: admin, input: { ...SETTINGS, salesOrderIntegration: false } }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: { autoCreateSalesOrders: [expect.any(String)] },
    });
  });

  it("should show a new availability key once, keep only its hash, and refuse the old key after a rotation", async () => {
    const admin = await contextAs(db(), "admin");
    const first = await rotateAvailabilityKey({ ctx: admin });
    const [row] = await db().select().from(integrationSettings);
    expect(row!.availabilityKeyHash).not.toContain(first.key);
    expect(JSON.stringify(await getIntegrationSettings({ ctx: admin }))).not.toContain(first.key);
    expect(await availabilityKeyMatches(db(), first.key)).toBe(true);
    const second = await rotateAvailabilityKey({ ctx: admin });
    expect(await availabilityKeyMatches(db(), first.key)).toBe(false);
    expect(await availabilityKeyMatches(db(), second.key)).toBe(true);
    expect(await availabilityKeyMatches(db(), "")).toBe(false);
  });

  it.each([
    ["item", "1896-S"],
    ["resource", "MARTY"],
  ])("should list the ERP's %ss to pick the write-in product from", async (type, number) => {
    await prepareIntegration(db(), { TANDEM_SANDBOX: "1" });
    const admin = await contextAs(db(), "admin");
    const products = await listWriteInProducts({ ctx: admin, input: { type } });
    expect(products.map((p) => p.number)).toContain(number);
    expect(products.every((p) => p.name)).toBe(true);
  });

  it("should refuse a viewer's change", async () => {
    const viewer = await contextAs(db(), "viewer");
    await expect(saveIntegrationSettings({ ctx: viewer, input: SETTINGS })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(rotateAvailabilityKey({ ctx: viewer })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
