import { expect, test } from "@playwright/test";
import { storageStatePath } from "./support/accounts";

test.describe("synchronization as the admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("should run a full synchronization of the demo company in the background and show each mapping's jobs", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.goto("/full-sync");
    await expect(page.getByRole("heading", { name: "Full synchronization", exact: true })).toBeVisible();
    // Before Start: the preview reads both sandboxes and writes nothing. Four demo customers exist in the CRM by name;
    // Alpine Ski House, Relecloud and Contoso Ltd. do not, and CUSTOMER does not create on no match (BC's default).
    await page.getByRole("button", { name: "Preview full synchronization" }).click();
    const preview = page.getByRole("table", { name: "Full synchronization preview" });
    await expect(preview.locator('tr[data-mapping="CUSTOMER"] td')).toHaveText([
      "CUSTOMER",
      "Couple records",
      "4",
      "0",
      "0",
      "3",
    ]);
    await expect(preview.locator('tr[data-mapping="SALESORDER-ORDER"]')).toHaveCount(0); // unidirectional order mode: no line
    await page.getByRole("button", { name: "Start full synchronization" }).click();
    const lines = page.getByRole("table", { name: "Full synchronization by mapping" });
    await expect(lines.locator('tr[data-mapping="SALESPEOPLE"]')).toContainText("Full synchronization");
    // The worker started by `npm start` runs the lines; the page refreshes itself while the run goes on.
    await expect(page.getByRole("button", { name: "Start full synchronization" })).toBeEnabled({ timeout: 150_000 });
    for (const mapping of ["CUSTOMER", "CONTACT", "POSTEDSALESINV-INV"])
      await expect(lines.locator(`tr[data-mapping="${mapping}"]`)).toContainText("finished");
    await expect(lines.locator('tr[data-mapping="CUSTOMER"]')).toContainText("4 coupled · 3 failed"); // what the preview showed
    // Every line reached its end, each only after the lines it depends on had finished.
    const rows = await lines.locator("tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        mapping: tr.getAttribute("data-mapping")!,
        dependsOn: (tr.getAttribute("data-depends-on") ?? "").split(",").filter(Boolean),
        startedAt: tr.getAttribute("data-started-at"),
        finishedAt: tr.getAttribute("data-finished-at"),
        text: tr.textContent ?? "",
      })),
    );
    expect(rows.length).toBeGreaterThan(10);
    for (const row of rows) {
      expect(row.text, row.mapping).toMatch(/finished|failed|blocked/);
      if (!row.startedAt) continue; // blocked: a parent failed, so it never started
      for (const parent of row.dependsOn) {
        const before = rows.find((r) => r.mapping === parent)!;
        expect(Date.parse(before.finishedAt!), `${parent} before ${row.mapping}`).toBeLessThanOrEqual(
          Date.parse(row.startedAt!),
        );
      }
    }
    // Each full pass counted its source first; once finished, its bar is full.
    const bars = await lines
      .getByRole("progressbar")
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-valuetext")));
    expect(bars.length).toBeGreaterThan(0);
    for (const text of bars) expect(text).toMatch(/^(\d+) of \1$/);
    await page.goto("/mappings");
    const mappings = page.getByRole("table", { name: "Mappings" });
    await expect(mappings.getByRole("row", { name: /^CURRENCY/ })).toContainText("succeeded");
  });

  test("should queue a run of one mapping and say when one is already waiting", async ({ page }) => {
    await page.goto("/mappings");
    await page.getByRole("button", { name: "Run UNIT OF MEASURE now" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Queued|already waiting/ })).toBeVisible();
  });
});

test.describe("synchronization as a consultant", () => {
  test.use({ storageState: storageStatePath("consultant") });

  test("should show what a run would change without running it, and offer no run buttons", async ({ page }) => {
    await page.goto("/full-sync");
    await expect(page.getByRole("button", { name: "Start full synchronization" })).toHaveCount(0);
    await page.goto("/mappings");
    await expect(page.getByRole("button", { name: "Run CURRENCY now" })).toHaveCount(0);
    await page.getByRole("button", { name: "Dry run CURRENCY" }).click();
    await expect(page.getByRole("list", { name: "Dry run of CURRENCY" })).toContainText("erp-to-crm");
  });
});

test.describe("synchronization as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("should show the mappings and their jobs with no way to change anything", async ({ page }) => {
    await page.goto("/mappings");
    await expect(page.getByRole("table", { name: "Mappings" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Dry run|Run .* now|schedule|watermark/ })).toHaveCount(0);
    await page.goto("/full-sync");
    await expect(page.getByRole("button", { name: /Start full/ })).toHaveCount(0);
    await page.goto("/couplings");
    await expect(page.getByRole("form", { name: "Coupling operations" })).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Selected couplings" })).toHaveCount(0);
  });

  test("should preview the full synchronization, which only reads", async ({ page }) => {
    await page.goto("/full-sync");
    await page.getByRole("button", { name: "Preview full synchronization" }).click();
    await expect(
      page.getByRole("table", { name: "Full synchronization preview" }).locator('tr[data-mapping="CUSTOMER"]'),
    ).toContainText("Couple records");
    await expect(page.getByRole("status").filter({ hasText: "Nothing was written." })).toBeVisible();
  });
});

test.describe("the scheduled route", () => {
  test("should refuse a caller without the cron secret and work through due jobs for one with it", async ({
    request,
  }) => {
    expect((await request.get("/api/cron/tick")).status()).toBe(401);
    expect(
      (await request.get("/api/cron/tick", { headers: { Authorization: "Bearer wrong-secret-value" } })).status(),
    ).toBe(401);
    const response = await request.get("/api/cron/tick?budgetSeconds=20", {
      headers: { Authorization: "Bearer e2e-cron-secret" },
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ due: expect.any(Array), processed: expect.any(Number), failed: 0 });
  });
});
