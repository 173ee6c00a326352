import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncConflicts, syncJobErrors } from "@/db/schema";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

const RECORDS = 1000;
type Policy = "fail" | "erp-wins" | "crm-wins" | "queue";

/**
 * 1,000 coupled records, each edited on both sides: a two-way field (name) on both, plus a one-way field on each
 * (ERP credit limit, CRM phone). Whatever the policy, no edit may vanish without a trace: it is on both sides, or
 * recorded as what the policy overwrote, or still there waiting (an error or a queued conflict).
 */
describe.each<Policy>(["fail", "erp-wins", "crm-wins", "queue"])(
  "1,000 records edited on both sides with policy %s",
  (policy) => {
    let h: SyncHarness;
    let passes: Awaited<ReturnType<SyncHarness["run"]>>["passes"] = [];
    const db = () => h.harness.database.db;

    beforeAll(async () => {
      h = await startSyncHarness(compileMappings([simpleCustomer({ conflicts: { update: policy, delete: "fail" } })]));
      await h.seed(
        "erp",
        "customers",
        Array.from({ length: RECORDS }, (_, i) => ({
          number: `B${i}`,
          displayName: `Both ${i}`,
          creditLimit: 0,
          phoneNumber: "",
        })),
      );
      await h.run("CUSTOMER", { mode: "full", createUncoupled: true });
      const couplings = await h.couplingsOf("CUSTOMER");
      const numbers = new Map((await h.all("erp", "customers")).map((c) => [c.id, String(c.data.number).slice(1)]));
      for (const row of couplings) {
        const i = numbers.get(row.erpId)!;
        await h.edit("erp", "customers", row.erpId, { displayName: `ERP ${i}`, creditLimit: Number(i) });
        await h.edit("crm", "accounts", row.crmId, { name: `CRM ${i}`, telephone1: `+1 ${i}` });
      }
      // Every coupled record changes at once: the mass-change guard stops that unless a person overrode it, as here.
      // Two runs: a one-way change held back while the other side won goes across on the next.
      passes = [
        ...(await h.run("CUSTOMER", { guard: "override" })).passes,
        ...(await h.run("CUSTOMER", { guard: "override" })).passes,
      ];
    }, 300_000);
    afterAll(async () => h?.close());

    it("should settle every record by the policy and lose no edit silently", async () => {
      const couplings = await h.couplingsOf("CUSTOMER");
      const erp = new Map((await h.all("erp", "customers")).map((c) => [c.id, c.data]));
      const crm = new Map((await h.all("crm", "accounts")).map((a) => [a.id, a.data]));
      const conflicts = await db().select().from(syncConflicts).where(eq(syncConflicts.mappingName, "CUSTOMER"));
      const errors = await db().select().from(syncJobErrors);
      expect(couplings).toHaveLength(RECORDS);
      for (const row of couplings) {
        const e = erp.get(row.erpId)!;
        const c = crm.get(row.crmId)!;
        const i = String(e.number).slice(1);
        if (policy === "erp-wins" || policy === "crm-wins") {
          const winner = policy === "erp-wins" ? `ERP ${i}` : `CRM ${i}`;
          expect([e.displayName, c.name]).toEqual([winner, winner]);
          expect(c.creditlimit).toBe(Number(i)); // one-way edits cross whichever side won
          expect(e.phoneNumber).toBe(`+1 ${i}`);
          const logged = conflicts.find((x) => x.erpId === row.erpId);
          expect(JSON.stringify(logged?.changes)).toContain(policy === "erp-wins" ? `CRM ${i}` : `ERP ${i}`);
        } else {
          // Nothing two-way is written: each side keeps its own edit until a person decides.
          expect([e.displayName, c.name]).toEqual([`ERP ${i}`, `CRM ${i}`]);
          if (policy === "fail")
            expect(errors.some((x) => x.code === "UPDATE_CONFLICT" && x.sourceId === row.erpId)).toBe(true);
          else expect(conflicts.some((x) => x.erpId === row.erpId && x.status === "open")).toBe(true);
        }
      }
      if (policy === "fail") expect(couplings.every((r) => r.skipped)).toBe(true); // the same conflict twice: skipped until restored
      expect(passes.every((p) => p.status === "succeeded")).toBe(true);
    });
  },
);
