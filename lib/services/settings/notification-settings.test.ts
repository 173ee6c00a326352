import { desc } from "drizzle-orm";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { auditLog, integrationSettings } from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { openWebhookSecret } from "../notifications/webhook-secret";
import { configureWebhook } from "../notifications/test/configure-webhook";
import { getIntegrationSettings } from "./integration-settings";

const SECRET = "write-only-shared-secret";
const URL_WITH_TOKEN = "https://hooks.example.com/services/T000/B000/tokenXYZ";

describeEachDriver("notification and retention settings", (database: () => TestDatabase) => {
  const db = () => database().db;
  const stored = async () => (await db().select().from(integrationSettings))[0]!;

  beforeAll(() => void vi.stubEnv("TANDEM_SECRET_KEY", "66".repeat(32)));
  afterAll(() => void vi.unstubAllEnvs());

  it("should store the secret encrypted and show it only as set when it is saved", async () => {
    const view = await configureWebhook(db(), {
      webhookUrl: URL_WITH_TOKEN,
      webhookSecret: SECRET,
      skippedThreshold: 3,
    });
    expect(view).toMatchObject({ webhookUrl: URL_WITH_TOKEN, webhookSecretSet: true, skippedThreshold: 3 });
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(view).not.toHaveProperty("webhookSecretEncrypted"); // not even the envelope reaches a page
    const row = await stored();
    expect(row.webhookSecretEncrypted).not.toContain(SECRET);
    expect(openWebhookSecret(row.webhookSecretEncrypted!)).toBe(SECRET);
    const [audit] = await db().select().from(auditLog).orderBy(desc(auditLog.createdAt)).limit(1);
    expect(audit!.details).toMatchObject({ webhookSecret: "replaced", webhookUrl: "https://hooks.example.com/…" });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(JSON.stringify(audit)).not.toContain("tokenXYZ");
  });

  it("should keep the stored secret when the field is left empty, and remove it when asked", async () => {
    const before = (await stored()).webhookSecretEncrypted;
    await configureWebhook(db(), { webhookUrl: URL_WITH_TOKEN, webhookSecret: "" });
    expect((await stored()).webhookSecretEncrypted).toBe(before);
    const view = await configureWebhook(db(), { webhookUrl: URL_WITH_TOKEN, clearWebhookSecret: true });
    expect(view.webhookSecretSet).toBe(false);
    expect((await stored()).webhookSecretEncrypted).toBeNull();
  });

  it("should show a viewer only the webhook URL's origin when it may hold a token", async () => {
    const viewer = await contextAs(db(), "viewer");
    expect((await getIntegrationSettings({ ctx: viewer })).webhookUrl).toBe("https://hooks.example.com/…");
    const admin = await contextAs(db(), "admin");
    expect((await getIntegrationSettings({ ctx: admin })).webhookUrl).toBe(URL_WITH_TOKEN);
  });

  it("should leave the new settings as they are when a caller does not send them", async () => {
    await configureWebhook(db(), { webhookUrl: URL_WITH_TOKEN, skippedThreshold: 7 });
    const view = await configureWebhook(db(), {});
    expect(view).toMatchObject({ webhookUrl: URL_WITH_TOKEN, skippedThreshold: 7, retentionDays: 30 });
  });

  it.each([
    ["webhookUrl", { webhookUrl: "ftp://example.com/x" }, "a webhook URL starts with https:// (or http://)"],
    ["webhookUrl", { webhookUrl: "example.com" }, "not a URL: a webhook URL starts with https:// (or http://)"],
    ["webhookUrl", { webhookUrl: "https://me:pw@example.com/" }, expect.stringContaining("user or password")],
    ["webhookSecret", { webhookSecret: "short" }, "at least 16 characters"],
    ["skippedThreshold", { skippedThreshold: "0" }, "at least 1 record"],
    ["skippedThreshold", { skippedThreshold: "2.5" }, "a whole number"],
    ["skippedThreshold", { skippedThreshold: "" }, "enter a whole number"],
    ["retentionDays", { retentionDays: "0" }, "at least 1 day"],
    ["retentionDays", { retentionDays: "3651" }, "at most 3,650 days (ten years)"],
  ])("should refuse %s with a field error when it is %j", async (field, input, message) => {
    await expect(configureWebhook(db(), input)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      fieldErrors: { [field]: [message] },
    });
  });

  it("should save the history kept when it is a whole number of days", async () => {
    expect(await configureWebhook(db(), { retentionDays: "90" })).toMatchObject({ retentionDays: 90 });
  });
});
