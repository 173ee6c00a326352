import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { isolatedWrite } from "@/lib/sync/engine/isolated-write";
import { simpleCustomer } from "@/lib/sync/test/simple-mappings";
import { compileMappings, startSyncHarness, type SyncHarness } from "./test/sync-harness";

const mapping = () =>
  compileMappings([
    simpleCustomer({ direction: "erp-to-crm", fields: [{ erp: "displayName", crm: "name", direction: "erp-to-crm" }] }),
  ]);

describe("Business Central creates without Tandem's page (no integration key)", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(mapping(), {
      erp: { faults: { poison: { text: "Keyless", status: 504 }, retryAfterSeconds: 0 } },
    });
  });
  afterAll(async () => h?.close());

  it("should not send them again when their batch fails as a whole: they may have landed, and nothing would find them", async () => {
    const keyless = {
      ...STATIC_CATALOGS.erp,
      entities: STATIC_CATALOGS.erp.entities.map(({ extension: _drop, ...entity }) => entity),
    };
    let posts = 0;
    const counting = (request: Request) => (
      request.method === "POST" && request.url.includes("/$batch") && (posts += 1),
      fetch(request)
    );
    const connector = h.harness.businessCentral({ catalog: keyless, fetch: counting, retry: { maxAttempts: 1 } });
    const results = await isolatedWrite(
      connector,
      "customers",
      ["Keyless 1", "Keyless 2", "Other"].map((displayName, i) => ({
        kind: "create" as const,
        key: `CUSTOMER:k${i}`,
        values: { displayName },
      })),
    );
    expect(results.map((r) => (r.ok ? "ok" : r.error.code))).toEqual(["TIMEOUT", "TIMEOUT", "TIMEOUT"]);
    expect(posts).toBe(1);
  });
});
