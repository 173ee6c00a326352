import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { DesignerPage } from "./designer-page";

// One shared draft: these run one after another, after the other suites (they publish a new version).
test.describe.configure({ mode: "serial" });

test.describe("the designer as a consultant", () => {
  test.use({ storageState: storageStatePath("consultant"), viewport: { width: 1600, height: 1000 } });

  test("should open the template with all its mappings and no problems, and restore a deleted edge with undo", async ({
    page,
  }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await designer.tool(/Start from template/).click();
    await expect(designer.canvas.locator(".react-flow__node-table-mapping")).toHaveCount(16);
    for (const name of ["CUSTOMER", "CONTACT", "SALESPEOPLE", "ITEM-PRODUCT", "SALESORDER-ORDER"])
      await expect(page.getByTestId(`mapping-${name}`)).toBeAttached();
    await expect(designer.problemsSummary()).toHaveText(/^0 errors/);

    const before = await designer.fieldEdges().count();
    const edge = designer.fieldEdges().first();
    const edgeId = (await edge.getAttribute("data-id"))!;
    await edge.dispatchEvent("click");
    await expect(page.getByRole("group", { name: "Field mapping" })).toBeVisible();
    await page.keyboard.press("Delete");
    await expect(designer.edge(edgeId)).toHaveCount(0);
    await expect(designer.fieldEdges()).toHaveCount(before - 1);
    await page.keyboard.press("Control+z");
    await expect(designer.edge(edgeId)).toHaveCount(1);
    await page.keyboard.press("Control+Shift+z");
    await expect(designer.edge(edgeId)).toHaveCount(0);
    await designer.tool("Undo (Ctrl+Z)").click();
    await expect(designer.edge(edgeId)).toHaveCount(1);
    await expect(page.getByRole("status", { name: "Draft status" })).toHaveText("All changes saved", {
      timeout: 15_000,
    });
  });

  test("should let a consultant build CUSTOMER from an empty canvas, fix a type mismatch and publish it with a diff", async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    const designer = new DesignerPage(page);
    await designer.open();
    await designer.tool("New empty canvas").click();
    await expect(designer.canvas.locator(".react-flow__node")).toHaveCount(0);

    await designer.addEntity("erp", "customers");
    await designer.addEntity("crm", "accounts");
    await designer.tool("Fit view").click();
    await designer.connect(designer.handle("erp:customers", "__entity"), designer.handle("crm:accounts", "__entity"));
    const table = page.getByTestId("mapping-CUSTOMERS-ACCOUNTS");
    await expect(table).toBeVisible();
    const name = page.getByRole("group", { name: /Table mapping/ }).getByLabel("Name");
    await name.fill("CUSTOMER");
    await name.press("Enter");
    await expect(page.getByTestId("mapping-CUSTOMER")).toBeVisible();

    for (const [erp, crm] of [
      ["number", "accountnumber"],
      ["displayName", "name"],
      ["phoneNumber", "creditlimit"],
    ]) {
      await designer.connect(designer.handle("erp:customers", erp!), designer.handle("crm:accounts", crm!));
    }
    await expect(designer.fieldEdges()).toHaveCount(3);

    // phoneNumber (text) into creditlimit (money) cannot work: the problem shows on the edge and in the panel.
    await expect(designer.problemsSummary()).toHaveText(/^[1-9]\d* errors/);
    await designer.panelTab(/Problems/).click();
    const mismatch = page.getByRole("list", { name: "Problems" }).getByRole("button", { name: /TYPE_MISMATCH/ });
    await expect(mismatch).toBeVisible();
    await expect(designer.tool(/Publish/)).toBeDisabled();
    await mismatch.click();
    await expect(page.getByRole("group", { name: "Field mapping" })).toContainText("creditlimit");
    await page.getByRole("button", { name: "Delete field mapping" }).click();
    await designer.connect(
      designer.handle("erp:customers", "phoneNumber"),
      designer.handle("crm:accounts", "telephone1"),
    );
    await expect(designer.problemsSummary()).toHaveText(/^0 errors/);

    // Trim + uppercase on the name, checked against a sample value.
    await designer.edge("f:erp:customers.displayName->crm:accounts.name").dispatchEvent("click");
    const field = page.getByRole("group", { name: "Field mapping" });
    await field.getByLabel("Add transform").selectOption("trim");
    await field.getByLabel("Add transform").selectOption("uppercase");
    await expect(field.getByRole("list", { name: "Transform chain" }).getByRole("listitem")).toHaveCount(2);
    await field.getByLabel("Sample value").fill("  Adatum corp  ");
    await expect(field.getByLabel("Transform result")).toHaveText('"ADATUM CORP"');

    // A filter on the ERP side: only customers that are not blocked.
    await page.getByTestId("mapping-CUSTOMER").click();
    await page.getByRole("button", { name: "Add ERP filter" }).click();
    const filter = page.getByRole("group", { name: "Filter" });
    await filter.getByRole("button", { name: "Add condition" }).click();
    await filter.getByLabel("Filter field").selectOption("blocked");
    await filter.getByLabel("Filter value").selectOption({ label: "All" });
    await filter.getByLabel("Filter operator").selectOption("ne");
    await expect(filter.getByLabel("Generated OData filter")).toHaveText("blocked ne 'All'");
    await expect(designer.problemsSummary()).toHaveText(/^0 errors/);

    await designer.tool("Fit view").click();
    // Kept as an artifact: test-results/artifacts/ survives the run (Playwright's own output folder is per test).
    const shot = "test-results/artifacts/designer-customer-canvas.png";
    await page.getByTestId("designer-canvas").screenshot({ path: shot });
    await testInfo.attach("customer-canvas", { path: shot, contentType: "image/png" });

    await designer.tool(/Publish/).click();
    const dialog = page.getByRole("dialog", { name: "Publish a new version" });
    const changes = dialog.getByRole("table", { name: "Changes to publish" });
    await expect(changes).toBeVisible({ timeout: 20_000 });
    await expect(changes).toContainText("CUSTOMER");
    await dialog.getByRole("button", { name: /Publish version \d+/ }).click();
    await expect(dialog.getByRole("status")).toHaveText(/Version \d+ is published/);
    const published = Number(/Version (\d+)/.exec((await dialog.getByRole("status").textContent())!)![1]);
    await dialog.getByRole("button", { name: "Close" }).click();

    const versions = page.getByRole("list", { name: "Versions" });
    const latest = versions.getByRole("listitem", { name: `Version ${published}` });
    await expect(latest).toContainText("published");
    await latest.getByRole("button", { name: "Changes" }).click();
    const diff = latest.getByRole("table", { name: `Changes in version ${published}` });
    // Against the template: CUSTOMER changed (fields, the trim + uppercase, the filter), the other mappings removed.
    await expect(
      diff.locator('tr[data-area="transform"]').filter({ hasText: "displayName ↔ name" }).first(),
    ).toContainText("uppercase");
    await expect(diff.locator('tr[data-area="filter"]').filter({ hasText: "ERP filter" })).toContainText(
      "blocked ne 'All'",
    );
    await expect(diff.locator('tr[data-area="mapping"]').first()).toContainText("mapping removed");
  });
});

test.describe("preview and rollback as a consultant", () => {
  test.use({ storageState: storageStatePath("consultant"), viewport: { width: 1600, height: 1000 } });

  test("should show what the drawn CUSTOMER would write for a real Business Central customer when one is previewed", async ({
    page,
  }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await designer.panelTab("Preview").click();
    const panel = page.getByRole("tabpanel");
    await panel.getByLabel("Preview mapping").selectOption({ label: "CUSTOMER" });
    await panel.getByLabel("Search source records").fill("Adatum");
    await panel.getByRole("button", { name: "Search" }).click();
    await panel
      .getByRole("list", { name: "Source records" })
      .getByRole("button", { name: /Adatum Corporation/ })
      .click();
    const payload = panel.getByRole("table", { name: "Payload erp-to-crm" });
    // The draft's trim + uppercase on the name, applied to the real record; nothing is written.
    await expect(payload.getByRole("row", { name: /^name / })).toContainText("ADATUM CORPORATION");
    await expect(payload.getByRole("row", { name: /^accountnumber / })).toContainText("10000");
  });

  test("should publish the template's version again and show it on the canvas when a consultant rolls back", async ({
    page,
  }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await designer.panelTab("Versions").click();
    const versions = page.getByRole("list", { name: "Versions" });
    const first = versions.getByRole("listitem", { name: "Version 1" });
    page.once("dialog", (dialog) => void dialog.accept());
    await first.getByRole("button", { name: "Roll back to this" }).click();
    await expect(page.getByRole("tabpanel").getByRole("status")).toHaveText(/Version \d+ now runs what version 1 held/);
    await expect(designer.canvas.locator(".react-flow__node-table-mapping")).toHaveCount(16);
    await expect(versions.getByRole("listitem").first()).toContainText("published");
    await expect(designer.problemsSummary()).toHaveText(/^0 errors/);
  });
});

test.describe("the designer as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("should show the canvas read-only with no way to change anything", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    await expect(page.getByText("Read-only: viewers cannot change mappings")).toBeVisible();
    for (const tool of ["New empty canvas", /Start from template/, "Undo (Ctrl+Z)", /Publish/, "Import JSON"])
      await expect(designer.tool(tool)).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Add (ERP|CRM) entity/ })).toHaveCount(0);

    const node = designer.canvas.locator(".react-flow__node-table-mapping").first();
    await expect(node).toBeVisible();
    // The node's place on the canvas is its transform; a drag may pan the view, but must not move the node.
    const placed = () => node.evaluate((el) => (el as HTMLElement).style.transform);
    const before = await placed();
    const box = (await node.boundingBox())!;
    await node.hover();
    await page.mouse.down();
    await page.mouse.move(box.x + 200, box.y + 120, { steps: 5 });
    await page.mouse.up();
    expect(await placed()).toBe(before);

    await node.click();
    const settings = page.getByRole("group", { name: /Table mapping/ });
    await expect(settings.getByLabel("Name")).toBeDisabled();
    await expect(settings.getByLabel("Direction")).toBeDisabled();
    await expect(settings.getByRole("button", { name: "Delete table mapping" })).toBeDisabled();
    const edges = await designer.fieldEdges().count();
    await designer.fieldEdges().first().dispatchEvent("click");
    await page.keyboard.press("Delete");
    await expect(designer.fieldEdges()).toHaveCount(edges);
  });
});
