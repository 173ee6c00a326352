import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { openNewestJob, runNow } from "../support/run-now";

/** A sandbox record's id, from the link of the row that shows `rowText` on the sandbox page. */
async function sandboxId(page: Page, system: "erp" | "crm", entity: string, search: string, rowText: string) {
  await page.goto(`/sandbox/${system}?entity=${entity}&q=${encodeURIComponent(search)}`);
  const row = page.getByRole("row").filter({ hasText: rowText }).first();
  const href = await row.getByRole("link").first().getAttribute("href", { timeout: 10_000 });
  return new URL(href!, "http://x").searchParams.get("record")!;
}

/** Sets CUSTOMER's update-conflict policy in the designer and publishes it, as a consultant would. */
async function publishUpdatePolicy(page: Page, policy: "queue" | "fail") {
  await page.goto("/designer?mapping=CUSTOMER");
  const panel = page.getByRole("group", { name: "Table mapping CUSTOMER" });
  await panel.getByLabel("When both sides changed").selectOption(policy);
  await page
    .getByRole("toolbar", { name: "Designer tools" })
    .getByRole("button", { name: /Publish/ })
    .click();
  const dialog = page.getByRole("dialog", { name: "Publish a new version" });
  await expect(dialog.getByRole("table", { name: "Changes to publish" })).toContainText("CUSTOMER", {
    timeout: 20_000,
  });
  await dialog.getByRole("button", { name: /Publish version \d+/ }).click();
  await expect(dialog.getByRole("status")).toHaveText(/Version \d+ is published/);
  await dialog.getByRole("button", { name: "Close" }).click();
}

/** Opens a sandbox record by its name and saves new values into the labelled fields. */
async function editSandbox(
  page: Page,
  system: "erp" | "crm",
  entity: string,
  name: string,
  values: Record<string, string>,
) {
  await page.goto(`/sandbox/${system}?entity=${entity}&q=${encodeURIComponent(name.split(" ")[0]!.toLowerCase())}`);
  await page.getByRole("link", { name, exact: true }).click();
  const form = page.getByRole("form", { name: "Record" });
  for (const [label, value] of Object.entries(values)) await form.getByLabel(label, { exact: true }).fill(value);
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(form.getByRole("status")).toContainText("Saved");
}

test.describe.configure({ mode: "serial" });

test.describe("console flows as the admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test.beforeAll(async ({ browser }) => {
    // No scheduled run of CUSTOMER may take these changes before the runs the tests start (switched back at the end).
    const page = await browser.newPage({ storageState: storageStatePath("admin") });
    await page.goto("/mappings");
    await page.getByRole("button", { name: "Disable the schedule of CUSTOMER" }).click();
    await expect(page.getByRole("row", { name: "CUSTOMER", exact: true })).toContainText("disabled");
    await page.close();
  });
  test.afterAll(async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageStatePath("admin") });
    await page.goto("/mappings");
    await page.getByRole("button", { name: "Enable the schedule of CUSTOMER" }).click();
    await expect(page.getByRole("row", { name: "CUSTOMER", exact: true })).not.toContainText("disabled");
    await page.close();
  });

  test("should take a CRM edit to the ERP when CUSTOMER runs from Table mappings, and count it modified", async ({
    page,
  }) => {
    test.setTimeout(200_000);
    // The full synchronization only coupled the customers; a first run brings each coupled pair up to date.
    await runNow(page, "CUSTOMER", "crm-to-erp");
    await page.goto("/sandbox/crm?entity=accounts&q=trey");
    await page.getByRole("link", { name: "Trey Research", exact: true }).click();
    const form = page.getByRole("form", { name: "Record" });
    await form.getByLabel("telephone1", { exact: true }).fill("+1 312 555 0199");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("status")).toContainText("Saved");

    await runNow(page, "CUSTOMER", "crm-to-erp");
    await expect(page.locator('[data-counter="modified"]')).toHaveText("1");
  });

  test("should group a broken lookup's error, lead to the designer, and succeed when the coupling is fixed and the group retried", async ({
    page,
  }) => {
    test.setTimeout(240_000);
    // Break: Trey Research's salesperson (PS) is no longer coupled to its CRM user.
    const salesperson = await sandboxId(page, "erp", "salespeoplePurchasers", "", "Peter Saddow");
    await page.goto(`/couplings?mapping=SALESPEOPLE&q=${salesperson}`);
    const row = page.getByRole("table", { name: "Couplings" }).locator("tbody tr").first();
    const user = (await row.locator("td").nth(2).innerText()).trim();
    await row.getByRole("checkbox").check();
    await page.getByRole("group", { name: "Selected couplings" }).getByRole("button", { name: "Uncouple" }).click();
    await expect(page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Uncoupled" })).toBeVisible();

    // A change on the ERP customer makes CUSTOMER send it, and the owner lookup fails.
    await page.goto("/sandbox/erp?entity=customers&q=trey");
    await page.getByRole("link", { name: "Trey Research", exact: true }).click();
    const form = page.getByRole("form", { name: "Record" });
    await form.getByLabel("Phone No.").fill("+1 312 555 0188");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("status")).toContainText("Saved");
    await runNow(page, "CUSTOMER", "erp-to-crm");
    await expect(page.locator('[data-counter="failed"]')).toHaveText("1");
    const jobUrl = page.url();
    const group = page
      .getByRole("table", { name: "Error groups" })
      .getByRole("row", { name: "LOOKUP_NOT_COUPLED ownerid" });
    await expect(group).toContainText("1");

    await group.getByRole("link", { name: "Open in designer" }).click();
    await expect(page).toHaveURL(/\/designer\?mapping=CUSTOMER&field=ownerid/);
    await expect(page.getByRole("group", { name: "Field mapping" })).toBeVisible({ timeout: 20_000 });

    // Fix: couple the salesperson again, by id.
    await page.goto("/couplings?mapping=SALESPEOPLE");
    const ops = page.getByRole("form", { name: "Coupling operations" });
    await ops.getByLabel("Mapping").selectOption("SALESPEOPLE");
    await ops.getByLabel("Operation").selectOption("couple");
    await ops.getByLabel("Record ids").fill(salesperson);
    await ops.getByLabel("CRM id (set up coupling only)").fill(user);
    await ops.getByRole("button", { name: "Run operation" }).click();
    await expect(ops.getByLabel("Result")).toContainText("couplingId");

    await page.goto(jobUrl);
    await page
      .getByRole("table", { name: "Error groups" })
      .getByRole("row", { name: "LOOKUP_NOT_COUPLED ownerid" })
      .getByRole("button", { name: "Retry group" })
      .click();
    await expect(page).not.toHaveURL(jobUrl, { timeout: 60_000 });
    await expect(page.getByRole("heading", { name: "CUSTOMER · erp-to-crm" })).toBeVisible();
    await expect(page.locator('[data-counter="failed"]')).toHaveText("0");
    await expect(page.locator('[data-counter="modified"]')).toHaveText("1");
  });

  test("should synchronize one coupled record now in each direction from the Couplings page", async ({ page }) => {
    test.setTimeout(120_000);
    const customer = await sandboxId(page, "erp", "customers", "trey", "Trey Research");
    await page.goto(`/couplings?mapping=CUSTOMER&q=${customer}`);
    const row = page.getByRole("table", { name: "Couplings" }).locator("tbody tr").first();
    await row.getByRole("button", { name: `Send ${customer} to the CRM` }).click();
    await expect(page.getByText("Sent to the CRM: done for 1 record(s).")).toBeVisible({ timeout: 60_000 });
    await page
      .getByRole("table", { name: "Couplings" })
      .locator("tbody tr")
      .first()
      .getByRole("button", { name: `Get ${customer} from the CRM` })
      .click();
    await expect(page.getByText("Got from the CRM: done for 1 record(s).")).toBeVisible({ timeout: 60_000 });
    await openNewestJob(page, "CUSTOMER", "crm-to-erp", "sync-now", null);
  });

  test("should park a conflict when both sides changed and apply a decision made field by field", async ({ page }) => {
    test.setTimeout(240_000);
    await publishUpdatePolicy(page, "queue");
    const customer = await sandboxId(page, "erp", "customers", "trey", "Trey Research");
    await editSandbox(page, "erp", "customers", "Trey Research", {
      "Phone No.": "+1 312 555 0177",
      "Home Page": "https://erp.trey.example",
    });
    await editSandbox(page, "crm", "accounts", "Trey Research", {
      telephone1: "+1 312 555 0166",
      websiteurl: "https://crm.trey.example",
    });
    await runNow(page, "CUSTOMER", "erp-to-crm");
    await expect(page.locator('[data-counter="skipped"]')).toHaveText("1");

    await page.goto("/conflicts");
    const conflict = page.getByRole("region", { name: `Conflict CUSTOMER ${customer}` });
    const phone = conflict.locator('tr[data-field="phoneNumber:telephone1"]');
    await expect(phone).toContainText("+1 312 555 0177");
    await expect(phone).toContainText("+1 312 555 0166");
    await expect(conflict).toContainText("CRM record changed");
    await conflict.getByRole("group", { name: "Keep telephone1" }).getByLabel("ERP").check();
    await conflict.getByRole("group", { name: "Keep websiteurl" }).getByLabel("CRM").check();
    await conflict.getByRole("button", { name: "Apply the field choices" }).click();
    await expect(page.getByText("Applied: each field's chosen value was written to the other side.")).toBeVisible({
      timeout: 60_000,
    });
    await expect(page.getByRole("region", { name: `Conflict CUSTOMER ${customer}` })).toHaveCount(0);

    await page.goto("/sandbox/crm?entity=accounts&q=trey");
    await page.getByRole("link", { name: "Trey Research", exact: true }).click();
    const crm = page.getByRole("form", { name: "Record" });
    await expect(crm.getByLabel("telephone1", { exact: true })).toHaveValue("+1 312 555 0177");
    await expect(crm.getByLabel("websiteurl", { exact: true })).toHaveValue("https://crm.trey.example");
    await page.goto("/sandbox/erp?entity=customers&q=trey");
    await page.getByRole("link", { name: "Trey Research", exact: true }).click();
    const erp = page.getByRole("form", { name: "Record" });
    await expect(erp.getByLabel("Phone No.", { exact: true })).toHaveValue("+1 312 555 0177");
    await expect(erp.getByLabel("Home Page", { exact: true })).toHaveValue("https://crm.trey.example");
    await publishUpdatePolicy(page, "fail");
  });

  test("should list the records no coupling holds, create them in the CRM or say why not, and couple one again by picking it from a search", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    // The full synchronization left three customers uncoupled: no CRM account has their names.
    await page.goto("/couplings?mapping=CUSTOMER&state=uncoupled-erp&q=Alpine");
    const erpSide = page.getByRole("table", { name: "Not coupled in Business Central" });
    // Alpine Ski House's salesperson (JR) has no CRM user: the create fails and says where to look.
    await erpSide
      .getByRole("row", { name: "Alpine Ski House" })
      .getByRole("button", { name: "Create in Dynamics 365 Sales" })
      .click();
    await expect(
      page.getByText("Not created in Dynamics 365 Sales: 1 record(s) failed; the job says why."),
    ).toBeVisible({ timeout: 60_000 });
    await page.getByRole("link", { name: "Open the job" }).click();
    await expect(
      page.getByRole("table", { name: "Error groups" }).getByRole("row", { name: "LOOKUP_NOT_COUPLED ownerid" }),
    ).toBeVisible();
    // Contoso Ltd.'s salesperson is coupled: created and coupled.
    await page.goto("/couplings?mapping=CUSTOMER&state=uncoupled-erp&q=Contoso");
    await erpSide
      .getByRole("row", { name: "Contoso Ltd." })
      .getByRole("button", { name: "Create in Dynamics 365 Sales" })
      .click();
    await expect(page.getByText("Created in Dynamics 365 Sales and coupled: 1 record(s).")).toBeVisible({
      timeout: 60_000,
    });
    await page.goto("/sandbox/crm?entity=accounts&q=contoso");
    await expect(page.getByRole("link", { name: "Contoso Ltd.", exact: true })).toBeVisible();

    // Trey Research, uncoupled, shows on both sides and is coupled again to the account a search finds.
    const customer = await sandboxId(page, "erp", "customers", "trey", "Trey Research");
    await page.goto(`/couplings?mapping=CUSTOMER&q=${customer}`);
    await page.getByRole("table", { name: "Couplings" }).locator("tbody tr").first().getByRole("checkbox").check();
    await page.getByRole("group", { name: "Selected couplings" }).getByRole("button", { name: "Uncouple" }).click();
    await expect(page.getByRole("alert").or(page.getByRole("status")).filter({ hasText: "Uncoupled" })).toBeVisible();
    await page.goto("/couplings?mapping=CUSTOMER&state=uncoupled-crm&q=Trey");
    await expect(
      page
        .getByRole("table", { name: "Not coupled in Dynamics 365 Sales" })
        .getByRole("row", { name: "Trey Research" }),
    ).toBeVisible();
    // The match preview finds its account by name and writes nothing.
    const ops = page.getByRole("form", { name: "Coupling operations" });
    await ops.getByLabel("Mapping").selectOption("CUSTOMER");
    await ops.getByLabel("Operation").selectOption("preview-match");
    await ops.getByRole("button", { name: "Run operation" }).click();
    await expect(ops.getByRole("status")).toHaveText(/^1 would couple, 2 have no unique match/, { timeout: 30_000 });
    await expect(ops.getByRole("table", { name: "Match preview" }).locator("tbody tr")).toHaveCount(1);
    await expect(ops.getByRole("table", { name: "Match preview" })).toContainText('displayName "Trey Research"');
    await page.goto("/couplings?mapping=CUSTOMER&state=uncoupled-erp&q=Trey");
    await erpSide.getByRole("row", { name: "Trey Research" }).getByRole("button", { name: "Set up coupling…" }).click();
    const pick = page.getByRole("form", { name: "Couple Trey Research" });
    await pick.getByRole("button", { name: "Search" }).click();
    await pick.getByRole("button", { name: "Couple to Trey Research" }).click();
    await expect(page.getByText("Coupled.", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText("Every record of this side within the mapping's filter is coupled.")).toBeVisible();
    await page.goto(`/couplings?mapping=CUSTOMER&q=${customer}`);
    await expect(page.getByRole("table", { name: "Couplings" }).locator("tbody tr")).toHaveCount(1);
  });
});
