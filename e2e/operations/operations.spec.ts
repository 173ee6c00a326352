import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { erpApi } from "../support/sandbox-api";
import { builtServerActions, callServerAction } from "../support/server-actions";
import { startReceiver } from "../support/webhook-receiver";

test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStatePath("admin") });

async function setCustomerSchedule(page: Page, enabled: boolean) {
  await page.goto("/mappings");
  await page.getByRole("button", { name: `${enabled ? "Enable" : "Disable"} the schedule of CUSTOMER` }).click();
  const row = expect(page.getByRole("row", { name: "CUSTOMER", exact: true }));
  await (enabled ? row.not.toContainText("disabled") : row.toContainText("disabled"));
}

/** Reconciles CUSTOMER from its page and waits for the report. */
async function reconcile(page: Page) {
  await page.goto("/reconciliation?mapping=CUSTOMER");
  await page.getByRole("button", { name: "Reconcile", exact: true }).click();
  const latest = page.getByRole("region", { name: "Latest reconciliation" });
  await expect(latest.getByText("succeeded", { exact: true })).toBeVisible({ timeout: 60_000 });
  return latest;
}
const figure = (page: Page, label: string) => page.getByTestId(`figure-${label}`);

test.describe("operations: dashboard, reconciliation, notifications", () => {
  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageStatePath("admin") });
    await setCustomerSchedule(page, false); // only the runs these tests start may take their changes
    await page.close();
  });
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageStatePath("admin") });
    await setCustomerSchedule(page, true);
    await page.close();
  });

  test("should show both connections healthy and the per-hour figures, with links to the filtered job list", async ({
    page,
  }) => {
    await page.goto("/");
    for (const system of ["erp", "crm"]) {
      await expect(page.getByTestId(`health-${system}`)).toContainText("Healthy");
      await expect(page.getByTestId(`budget-${system}`)).toHaveText(/^[\d,]+ of 6,000 requests in 5 min$/);
    }
    const synced = page.getByRole("figure", { name: "Records synchronized" });
    const failed = page.getByRole("figure", { name: "Records failed" });
    await expect(synced.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(failed.locator(".recharts-bar-rectangle").first()).toBeVisible();
    await expect(page.getByTestId("history-kept")).toContainText("kept for 30 days");

    // The demo's deliberate failures (lookups to records no coupling holds) are in the failed chart's hours.
    const hour = page.getByRole("list", { name: "Hours with failed" }).getByRole("link").first();
    const failedThen = Number((await hour.innerText()).match(/: ([\d,]+) failed/)![1]!.replace(/,/g, ""));
    expect(failedThen).toBeGreaterThan(0);
    await hour.click();
    await expect(page).toHaveURL(/\/jobs\?hour=\d{4}-\d{2}-\d{2}T\d{2}&outcome=with-failures/);
    await expect(page.getByTestId("hour-filter")).toBeVisible();
    await expect(page.getByLabel("Records")).toHaveValue("with-failures");
    const rows = page.getByRole("table", { name: "Jobs" }).locator("tbody tr");
    await expect(rows.first()).toBeVisible();
    const failedColumn = await page.locator('[data-counter="failed"]').allInnerTexts();
    expect(failedColumn.reduce((sum, n) => sum + Number(n.replace(/,/g, "")), 0)).toBe(failedThen);

    // A bar of the failed chart leads to the same list.
    await page.goto("/");
    await page.getByRole("figure", { name: "Records failed" }).locator(".recharts-bar-rectangle path").last().click({
      force: true,
    });
    await expect(page).toHaveURL(/\/jobs\?hour=.*&outcome=with-failures/);
  });

  test("should report exactly the pair edited behind Tandem's back as drifted, and synchronize it back", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    let latest = await reconcile(page);
    if (Number(await figure(page, "Drifted pairs").innerText()) > 0) {
      // Earlier suites may leave pairs apart; they are brought in line first so only this test's edit remains.
      await latest.getByRole("button", { name: "Synchronize these: ERP values → CRM" }).click();
      await expect(latest.getByRole("status")).toContainText(/synchronized \d+ drifted pair/);
      latest = await reconcile(page);
    }
    await expect(figure(page, "Drifted pairs")).toHaveText("0");
    expect(Number(await figure(page, "Coupled pairs compared").innerText())).toBeGreaterThan(0);

    await page.goto("/sandbox/crm?entity=accounts&q=trey");
    await page.getByRole("link", { name: "Trey Research", exact: true }).click();
    const form = page.getByRole("form", { name: "Record" });
    const phone = form.getByLabel("telephone1", { exact: true });
    const before = await phone.inputValue();
    await phone.fill("+1 000 000 0000");
    await form.getByLabel(/Behind the integration's back/).check();
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("status")).toContainText("Saved behind the integration's back");
    const crmId = new URL(page.url()).searchParams.get("record")!;

    latest = await reconcile(page);
    await expect(figure(page, "Drifted pairs")).toHaveText("1");
    const drifted = page.getByRole("region", { name: "Drifted pairs" }).locator("tbody tr");
    await expect(drifted).toHaveCount(1);
    await expect(drifted).toContainText(crmId);
    await expect(drifted).toContainText("crm.telephone1");

    await latest.getByRole("button", { name: "Synchronize these: ERP values → CRM" }).click();
    await expect(latest.getByRole("status")).toContainText("synchronized 1 drifted pair(s), ERP values → CRM");
    await reconcile(page);
    await expect(figure(page, "Drifted pairs")).toHaveText("0");
    await page.goto(`/sandbox/crm?entity=accounts&record=${crmId}`);
    await expect(page.getByRole("form", { name: "Record" }).getByLabel("telephone1", { exact: true })).toHaveValue(
      before,
    );
    // The reconciliation read both systems through the connectors: the live budget counts those requests.
    await page.goto("/");
    await expect(page.getByTestId("budget-crm")).not.toHaveText(/^0 of/);
  });

  test("should send one signed notification for a job with failures and one for a held run", async ({
    page,
    request,
  }) => {
    test.setTimeout(300_000);
    const secret = "e2e-webhook-secret";
    const receiver = await startReceiver(secret);
    try {
      await page.goto("/connections");
      await page.getByLabel("Webhook URL").fill(receiver.url);
      await page.getByLabel("Shared secret").fill(secret);
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

      // 25 new customers (not blocked: CUSTOMER's filter) and one whose salesperson (JR) is not coupled, created in
      // the CRM in one Create-in call (CUSTOMER syncs only coupled records): that one fails, the job has failures.
      const erp = await erpApi(request);
      const created: string[] = [];
      for (let i = 0; i < 25; i++)
        created.push((await erp.create("customers", { displayName: `Webhook Customer ${i}`, blocked: "_x0020_" })).id);
      const orphan = await erp.create("customers", {
        displayName: "Webhook Orphan",
        salespersonCode: "JR",
        blocked: "_x0020_",
      });
      const createIn = builtServerActions().find(
        (a) => a.filename === "lib/actions/sync.ts" && a.exportedName === "createInOtherAction",
      )!;
      const outcome = await callServerAction(request, createIn, [
        { mapping: "CUSTOMER", side: "erp", ids: [...created, orphan.id] },
      ]);
      expect(outcome.ok, outcome.body).toBe(true);
      await page.goto("/jobs?mapping=CUSTOMER&direction=erp-to-crm&outcome=with-failures");
      const newest = page.getByRole("table", { name: "Jobs" }).locator("tbody tr").first();
      await expect(newest.locator('[data-counter="inserted"]')).toHaveText("25");
      await expect(newest.locator('[data-counter="failed"]')).toHaveText("1");
      const failedJob = (await newest.getByRole("link").getAttribute("href"))!.split("/").pop()!;

      // Changing all 25 at once is more than the mass-change guard lets one run overwrite: the run is held.
      for (const id of created) await erp.update("customers", id, { phoneNumber: "+1 555 0100" });
      await page.goto("/mappings");
      await page.getByRole("button", { name: "Run CUSTOMER now" }).click();
      const held = page.getByRole("table", { name: "Held runs" }).locator('tr[data-mapping="CUSTOMER"]');
      await expect(async () => {
        await page.goto("/mappings");
        await expect(held).toBeVisible({ timeout: 2000 });
      }).toPass({ timeout: 90_000 });
      const heldJob = (await held.getAttribute("data-job"))!;

      await expect(async () => {
        const events = receiver.received.map((r) => `${r.event}:${r.subject}`);
        expect(events).toContain(`job.failed:${failedJob}`);
        expect(events).toContain(`run.held:${heldJob}`);
      }).toPass({ timeout: 90_000 });
      const ours = receiver.received.filter(
        (r) =>
          (r.event === "job.failed" && r.subject === failedJob) || (r.event === "run.held" && r.subject === heldJob),
      );
      expect(ours.map((r) => r.event).sort()).toEqual(["job.failed", "run.held"]);
      expect(ours.every((r) => r.signed)).toBe(true);

      // Approved, the run writes the 25 changes; the schedule goes on.
      await held.getByRole("button", { name: /Approve held run of CUSTOMER/ }).click();
      await expect(async () => {
        await page.goto("/mappings");
        await expect(held).toHaveCount(0, { timeout: 2000 });
      }).toPass({ timeout: 30_000 });
    } finally {
      await page.goto("/connections");
      await page.getByLabel("Webhook URL").fill("");
      await page.getByRole("button", { name: "Save settings" }).click();
      await receiver.close();
    }
  });
});
