import { expect, type Page } from "@playwright/test";

/** The id of the newest job of a mapping and direction with this trigger, or null. */
export async function newestJobId(page: Page, mapping: string, direction: string, trigger: string) {
  await page.goto(`/jobs?mapping=${mapping}&direction=${direction}&trigger=${trigger}`);
  const link = page.getByRole("table", { name: "Jobs" }).locator("tbody tr").first().getByRole("link");
  return (await link.count()) ? (await link.getAttribute("href"))!.split("/").pop()! : null;
}

/** Waits for a job newer than `after` to succeed, and opens it. */
export async function openNewestJob(
  page: Page,
  mapping: string,
  direction: string,
  trigger: string,
  after: string | null,
) {
  await expect(async () => {
    await page.goto(`/jobs?mapping=${mapping}&direction=${direction}&trigger=${trigger}`);
    const first = page.getByRole("table", { name: "Jobs" }).locator("tbody tr").first();
    await expect(first).toContainText("succeeded", { timeout: 1000 });
    expect(await first.getByRole("link").getAttribute("href")).not.toBe(`/jobs/${after}`);
  }).toPass({ timeout: 90_000 });
  await page.getByRole("table", { name: "Jobs" }).locator("tbody tr").first().getByRole("link").click();
  await expect(page.getByRole("heading", { name: `${mapping} · ${direction}` })).toBeVisible();
}

/**
 * Run now from Table mappings, waited for: the newest run's job of that direction is opened. Pressed again only when
 * the server answered that a run is already waiting (the previous run's queue job finishing): a slow answer to the
 * first press must not queue a second run, which would find nothing left to do and be the job opened.
 */
export async function runNow(page: Page, mapping: string, direction: string) {
  const before = await newestJobId(page, mapping, direction, "manual");
  await page.goto("/mappings");
  const answer = page.getByRole("status").filter({ hasText: /Queued|already waiting/ });
  await expect(async () => {
    await page.getByRole("button", { name: `Run ${mapping} now` }).click();
    await expect(answer).toBeVisible({ timeout: 20_000 });
    const text = await answer.innerText();
    if (!/Queued/.test(text)) {
      await page.waitForTimeout(1000);
      await page.goto("/mappings");
    }
    expect(text).toMatch(/Queued/);
  }).toPass({ timeout: 60_000 });
  await openNewestJob(page, mapping, direction, "manual", before);
}
