import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { DesignerPage } from "./designer-page";

const MB = 1024 * 1024;

/** A canvas of one constant whose value is `size` characters: imported like a file a consultant picked. */
async function importCanvas(page: Page, size: number) {
  const graph = {
    schemaVersion: 1,
    nodes: [
      { id: "c-big", type: "constant", position: { x: 0, y: 0 }, data: { mapping: "BIG", value: "x".repeat(size) } },
    ],
    edges: [],
  };
  await page.getByLabel("Mapping file to import").setInputFiles({
    name: "big-mapping.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(graph)),
  });
  await expect(page.getByRole("status").filter({ hasText: "Imported big-mapping.json." })).toBeVisible();
}

const isSave = (request: { method(): string; headers(): Record<string, string> }) =>
  request.method() === "POST" && Boolean(request.headers()["next-action"]);

// These saves never reach the shared draft: the server refuses the first, the network drops the second.
test.describe("a draft save the server never takes", () => {
  test.use({ storageState: storageStatePath("consultant"), viewport: { width: 1600, height: 1000 } });

  test("should say the draft is too large when the server refuses a save for its size", async ({ page }) => {
    test.setTimeout(60_000);
    const designer = new DesignerPage(page);
    await designer.open();
    const status = page.getByRole("status", { name: "Draft status" });
    await expect(status).toHaveText("All changes saved");

    const answered = page.waitForResponse((response) => isSave(response.request()));
    // Over the 9 MB action limit (8 MB of draft and its envelope), under the 10 MB the proxy buffers.
    await importCanvas(page, 9.5 * MB);
    // Next refuses the body before the action runs (it answers a fetch action's 413 as a 500).
    expect((await answered).status()).toBeGreaterThanOrEqual(400);
    await expect(status).toHaveAttribute("data-status", "error", { timeout: 30_000 });
    await expect(status).toHaveText(/^Not saved: The draft is too large to save \(limit 8 MB\)/);
  });

  test("should say the server could not be reached when a save gets no answer", async ({ page }) => {
    const designer = new DesignerPage(page);
    await designer.open();
    const status = page.getByRole("status", { name: "Draft status" });
    await expect(status).toHaveText("All changes saved");
    await page.route("**/designer", (route) =>
      isSave(route.request()) ? route.abort("connectionrefused") : route.fallback(),
    );

    const sent = page.waitForRequest(isSave);
    await importCanvas(page, 10);
    await sent;
    await expect(status).toHaveAttribute("data-status", "error");
    await expect(status).toHaveText(/^Not saved: Could not reach the server/);
  });
});
