import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { MAX_REGEX_INPUT } from "@/lib/mapping/transform/linear-regex";
import { simpleCustomer } from "../test/simple-mappings";

/** Exponential for a backtracking engine: a JavaScript RegExp spends minutes on it. */
const EVIL = `${"a".repeat(50_000)}!`;

/** Issue 11, point 10: a user's regular expression or JSONata transform cannot hang a sync. */
describe("user-written expressions in a sync", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(
      compileMappings([
        simpleCustomer({
          direction: "erp-to-crm",
          fields: [
            {
              erp: "displayName",
              crm: "name",
              direction: "erp-to-crm",
              transforms: [
                { type: "jsonata", expression: "$contains($, /(a+)+$/) ? 'ends in a' : $substring($, 0, 10)" },
              ],
            },
            {
              erp: "city",
              crm: "address1_city",
              direction: "erp-to-crm",
              transforms: [{ type: "regex-match", pattern: "(a+)+$" }],
            },
          ],
        }),
      ]),
    );
  });
  afterAll(async () => h?.close());

  it("should finish the run with the no-match result when a transform runs (a+)+$ on a 50,000-character value", async () => {
    await h.seed("erp", "customers", [
      { number: "E1", displayName: EVIL, city: EVIL },
      { number: "E2", displayName: "Anna", city: "Havana" },
    ]);
    const started = Date.now();
    const { passes } = await h.run("CUSTOMER");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(passes[0]!.status).toBe("succeeded");
    expect(passes[0]!.counters).toMatchObject({ inserted: 2, failed: 0 });
    const accounts = (await h.all("crm", "accounts")).map((a) => [a.data.name, a.data.address1_city]);
    expect(accounts.sort()).toEqual([
      ["aaaaaaaaaa", ""],
      ["ends in a", "a"],
    ]);
  }, 15_000);

  it("should record a transform error for that record alone and finish the run when a value is beyond the regex engine's limit", async () => {
    const [huge] = await h.seed("erp", "customers", [
      { number: "E3", displayName: "Huge", city: "a".repeat(MAX_REGEX_INPUT + 1) },
      { number: "E4", displayName: "Small", city: "Bogota" },
    ]);
    const { passes } = await h.run("CUSTOMER");
    expect(passes[0]!.status).toBe("succeeded");
    expect(passes[0]!.counters).toMatchObject({ inserted: 1, failed: 1 });
    const errors = await h.errorsOf(passes[0]!.jobId);
    expect(errors.map((e) => [e.code, e.sourceId])).toEqual([["TRANSFORM_FAILED", huge]]);
    expect(errors[0]!.message).toMatch(/at most 1048576 characters/);
    expect((await h.all("crm", "accounts")).map((a) => a.data.name)).toContain("Small");
  }, 15_000);
});
