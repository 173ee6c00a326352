import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __frames?: number[];
  }
}

/** Navigation start to the first animation frame where every node is on the page and measured by React Flow. */
export async function measureFirstRender(page: Page, nodes: number): Promise<number> {
  await page.goto("/designer", { waitUntil: "commit" });
  try {
    const at = await page.waitForFunction(
      (expected: number) => {
        const drawn = document.querySelectorAll(".react-flow__node");
        const done =
          drawn.length >= expected && [...drawn].every((n) => (n as HTMLElement).style.visibility !== "hidden");
        return done ? performance.now() : false;
      },
      nodes,
      { polling: "raf", timeout: 120_000 },
    );
    return (await at.jsonValue()) as number;
  } catch (error) {
    const seen = await page.evaluate(() => ({
      url: location.pathname,
      nodes: document.querySelectorAll(".react-flow__node").length,
      hidden: [...document.querySelectorAll(".react-flow__node")].filter(
        (n) => (n as HTMLElement).style.visibility === "hidden",
      ).length,
    }));
    await page.screenshot({ path: "bench/designer-timeout.png" });
    throw new Error(
      `the canvas never showed ${nodes} nodes: ${JSON.stringify(seen)} (screenshot: bench/designer-timeout.png)`,
      { cause: error },
    );
  }
}

/** Drags the empty canvas around for about two seconds and records every animation frame meanwhile. */
export async function measurePanning(page: Page): Promise<{ fps: number; p95: number }> {
  const pane = page.locator(".react-flow__pane");
  const box = (await pane.boundingBox())!;
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await page.evaluate(
    "window.__frames = []; const tick = (t) => { window.__frames.push(t); requestAnimationFrame(tick); }; requestAnimationFrame(tick);",
  );
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const started = Date.now();
  for (let i = 0; Date.now() - started < 2000; i++) {
    const angle = i / 10;
    await page.mouse.move(cx + Math.cos(angle) * 300, cy + Math.sin(angle) * 200);
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  const frames = await page.evaluate(() => window.__frames!);
  const intervals = frames
    .slice(1)
    .map((t, i) => t - frames[i]!)
    .slice(2);
  const total = intervals.reduce((a, b) => a + b, 0);
  const sorted = [...intervals].sort((a, b) => a - b);
  return { fps: (intervals.length / total) * 1000, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0 };
}

/** Zooms in to full detail (field rows and field edges drawn) and reports how long until the rows appear. */
export async function zoomToDetail(page: Page): Promise<number> {
  const box = (await page.locator(".react-flow__pane").boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const started = Date.now();
  for (let i = 0; i < 12; i++) {
    await page.mouse.wheel(0, -400);
    const zoom = await page.evaluate(
      "Number(/scale\\(([0-9.]+)\\)/.exec(document.querySelector('.react-flow__viewport').style.transform)[1])",
    );
    if ((zoom as number) >= 0.9) break;
  }
  await page.waitForFunction(
    "document.querySelectorAll('[data-field]').length > 0 && document.querySelectorAll('.react-flow__edge-field').length > 0",
    undefined,
    { polling: "raf", timeout: 60_000 },
  );
  return Date.now() - started;
}
