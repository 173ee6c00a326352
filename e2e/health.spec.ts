import { expect, test } from "@playwright/test";

test("should answer ok with the embedded driver when the app runs with no configuration", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ ok: true, db: "pglite" });
});
