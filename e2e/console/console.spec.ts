import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/accounts";

// Runs after the chromium project: the demo's full synchronization (sync.spec) has left jobs with deliberate errors.
test.describe("the operations console as the admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("should pass Test connection on both built-in sandbox connections", async ({ page }) => {
    await page.goto("/connections");
    await expect(page.getByRole("button", { name: "The built-in sandboxes are in use" })).toBeDisabled();
    for (const name of ["Business Central (sandbox)", "Dynamics 365 Sales (sandbox)"]) {
      const card = page.getByRole("region", { name: `${name} connection` });
      await card.getByRole("button", { name: "Test connection" }).click();
      await expect(card.getByRole("alert").or(card.getByRole("status"))).toContainText("Every check passed.");
      await expect(card.getByRole("list", { name: `Checks of ${name}` }).locator('[data-status="failed"]')).toHaveCount(
        0,
      );
    }
  });

  test("should refuse a tenant URL over plain http with the field's error and save nothing", async ({ page }) => {
    await page.goto("/connections");
    const form = page.getByRole("form", { name: "Connect a real tenant" });
    await form.getByLabel("Environment URL").fill("http://contoso.crm.dynamics.com");
    await form.getByLabel("Entra tenant id").fill("contoso.onmicrosoft.com");
    await form.getByLabel("Client (application) id").fill("app");
    await form.getByLabel("Client secret").fill("secret");
    await form.getByRole("button", { name: "Save" }).click();
    await expect(form.getByLabel("Environment URL")).toHaveAttribute("aria-invalid", "true");
    await expect(form.locator("#connection-environmentUrl-error")).toHaveText(
      "must use https (plain http only to a loopback address)",
    );
    await expect(page.getByRole("region", { name: /contoso/ })).toHaveCount(0);
  });

  test("should save the integration settings and show a new availability key once", async ({ page }) => {
    await page.goto("/connections");
    const form = page.getByRole("form", { name: "Integration settings" });
    await form.getByLabel(/Item availability/).check();
    await form.getByLabel("Write-in product type").selectOption("resource");
    await form.getByRole("button", { name: "Pick from the ERP" }).click();
    await form.getByLabel("Write-in product number").selectOption({ label: "MARTY · Marty Horst" });
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByText("Settings saved.")).toBeVisible();
    const key = form.getByRole("region", { name: "Availability API key" });
    await key.getByRole("button", { name: /Generate a key|Rotate the key/ }).click();
    const shown = (await key.locator("code").innerText()).trim();
    expect(shown).toMatch(/^tdm_av_/);
    await page.reload();
    await expect(page.getByRole("region", { name: "Availability API key" })).toContainText("set (made");
    expect(await page.content()).not.toContain(shown);
    await expect(page.getByLabel("Write-in product number")).toHaveValue("MARTY");
  });

  test("should filter the jobs, open one, group its errors by cause and lead to the designer element", async ({
    page,
  }) => {
    await page.goto("/jobs");
    const filters = page.getByRole("form", { name: "Filter jobs" });
    await filters.getByLabel("Mapping").selectOption("SALESPRC-PRODPRICE");
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/mapping=SALESPRC-PRODPRICE/);
    const jobs = page.getByRole("table", { name: "Jobs" });
    await expect(jobs.getByRole("row")).not.toHaveCount(1);
    await expect(jobs.locator("tbody tr").first()).toContainText("SALESPRC-PRODPRICE");
    await jobs.locator("tbody tr").filter({ hasText: "erp-to-crm" }).first().getByRole("link").click();
    await expect(page.getByRole("heading", { name: "SALESPRC-PRODPRICE · erp-to-crm" })).toBeVisible();
    await expect(page.locator('[data-counter="failed"]')).not.toHaveText("0");
    const groups = page.getByRole("table", { name: "Error groups" });
    const lookup = groups.getByRole("row").filter({ hasText: "LOOKUP_NOT_COUPLED" }).first();
    await expect(lookup).toBeVisible();
    const field = (await lookup.locator("td").nth(1).innerText()).trim();
    expect(field).not.toBe("—");

    // The CSV holds one line per error of the job.
    const total = Number((await page.locator('[data-counter="failed"]').innerText()).trim());
    const csv = await page.request.get(`${page.url().split("?")[0]}`.replace("/jobs/", "/api/jobs/") + "/errors");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("job,mapping,direction,code,field,source,destination,message,time");
    expect(lines.length - 1).toBeGreaterThanOrEqual(total);

    await lookup.getByRole("link", { name: "Show" }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`LOOKUP_NOT_COUPLED on ${field}`) })).toBeVisible();
    await page.getByRole("link", { name: "Open in designer" }).first().click();
    await expect(page).toHaveURL(/\/designer\?mapping=SALESPRC-PRODPRICE&field=/);
    const inspector = page.getByRole("group", { name: "Field mapping" });
    await expect(inspector).toBeVisible({ timeout: 20_000 });
  });
});

test.describe("the operations console as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("should show connections and jobs with no action", async ({ page }) => {
    await page.goto("/connections");
    await expect(page.getByRole("region", { name: "Business Central (sandbox) connection" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Test connection|Activate|Save|Use the built-in/ })).toHaveCount(0);
    await expect(page.getByRole("form", { name: "Connect a real tenant" })).toHaveCount(0);
    await page.goto("/jobs?mapping=SALESPRC-PRODPRICE&direction=erp-to-crm");
    await page.getByRole("table", { name: "Jobs" }).locator("tbody tr").first().getByRole("link").click();
    await expect(page.getByRole("table", { name: "Error groups" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Retry/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
  });
});
