import type { Page } from "@playwright/test";

declare global {
  interface Window {
    __firstRender?: number;
    __frames?: number[];
  }
}

/** Navigation start to the first frame where every node is on the page and measured by React Flow. */
export async function measureFirstRender(page: Page, nodes: number): Promise<number> {
  await page.addInitScript((expected: number) => {
    const check = () => {
      const drawn = document.querySelectorAll(".react-flow__node");
      if (drawn.length >= expected && [...drawn].every((n) => (n as HTMLElement).style.visibility !== "hidden")) window.__firstRender = performance.now();
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, nodes);
  await page.goto("/designer");
  await page.waitForFunction(() => window.__firstRender !== undefined, undefined, { timeout: 120_000 });
  return page.evaluate(() => window.__firstRender!);
}

/** Drags the empty canvas around for about two seconds and records every animation frame meanwhile. */
export async function measurePanning(page: Page): Promise<{ fps: number; p95: number }> {
  const pane = page.locator(".react-flow__pane");
  const box = (await pane.boundingBox())!;
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (t: number) => {
      window.__frames!.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
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
  const intervals = frames.slice(1).map((t, i) => t - frames[i]!).slice(2);
  const total = intervals.reduce((a, b) => a + b, 0);
  const sorted = [...intervals].sort((a, b) => a - b);
  return { fps: (intervals.length / total) * 1000, p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0 };
}
