import { expect, type Locator, type Page } from "@playwright/test";

/** The designer as a user drives it: palette, canvas handles, inspector, problems and versions. */
export class DesignerPage {
  readonly canvas: Locator;
  constructor(readonly page: Page) {
    this.canvas = page.getByTestId("designer-canvas");
  }

  async open() {
    await this.page.goto("/designer");
    await expect(this.canvas.locator(".react-flow__viewport")).toBeAttached();
  }

  tool(name: string | RegExp) {
    return this.page.getByRole("toolbar", { name: "Designer tools" }).getByRole("button", { name });
  }

  async addEntity(side: "erp" | "crm", entity: string) {
    const palette = this.page.getByRole("complementary", { name: "Entity palette" });
    await palette.getByRole("tab", { name: side === "erp" ? "Business Central" : "Dynamics 365 Sales" }).click();
    await palette.getByRole("searchbox", { name: "Search entities" }).fill(entity);
    await palette.getByRole("button", { name: `Add ${side.toUpperCase()} entity ${entity}`, exact: true }).click();
    await expect(this.node(`${side}:${entity}`)).toBeVisible();
  }

  node(id: string) {
    return this.canvas.locator(`.react-flow__node[data-id="${id}"]`);
  }

  handle(nodeId: string, handleId: string) {
    return this.node(nodeId).locator(`.react-flow__handle[data-handleid="${handleId}"]`).first();
  }

  /** Fits the view, waits until both handles are on screen and still, then drags one onto the other like a person. */
  async connect(from: Locator, to: Locator) {
    await this.tool("Fit view").click();
    const view = (await this.canvas.boundingBox())!;
    const inside = (box: { x: number; y: number } | null) =>
      Boolean(box && box.x > view.x && box.x < view.x + view.width && box.y > view.y && box.y < view.y + view.height);
    let previous = "";
    await expect
      .poll(async () => {
        const boxes = [await from.boundingBox(), await to.boundingBox()];
        const key = JSON.stringify(boxes);
        const settled = key === previous && boxes.every(inside);
        previous = key;
        return settled;
      })
      .toBe(true);
    const a = (await from.boundingBox())!;
    const b = (await to.boundingBox())!;
    await this.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 5 });
    await this.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 5 });
    await this.page.mouse.up();
  }

  fieldEdges() {
    return this.canvas.locator(".react-flow__edge-field");
  }

  edge(id: string) {
    return this.canvas.locator(`.react-flow__edge[data-id="${id}"]`);
  }

  panelTab(name: string | RegExp) {
    return this.page.getByRole("tablist", { name: "Panels" }).getByRole("tab", { name });
  }

  get inspector() {
    return this.page.getByRole("tabpanel");
  }

  problemsSummary() {
    return this.page.getByLabel("Problems summary");
  }
}
