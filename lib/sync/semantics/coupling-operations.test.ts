import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { couplings, syncJobs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { coupleByMatch } from "../engine/couple-records";
import { previewMatchCoupling } from "../engine/match-preview";
import {
  createInOtherSystem,
  restoreSkipped,
  setUpCoupling,
  synchronizeNow,
  uncouple,
} from "../engine/coupling-operations";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

const MATCH = {
  groups: [
    { priority: 0, fields: [{ erp: "email", crm: "emailaddress1", caseSensitive: false }] },
    { priority: 1, fields: [{ erp: "displayName", crm: "name", caseSensitive: false }] },
  ],
  createIfNoMatch: false,
  syncAfterCoupling: false,
};

describe("coupling operations (§3.1) on a mapping that syncs coupled records only", () => {
  let h: SyncHarness;
  const ctx = () => h.context();
  const erpOf = async (name: string) => (await h.all("erp", "customers")).find((c) => c.data.displayName === name)!;
  const crmOf = async (name: string) => (await h.all("crm", "accounts")).find((a) => a.data.name === name)!;

  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([simpleCustomer({ syncOnlyCoupled: true, match: MATCH })]));
    await h.seed("erp", "customers", [
      { displayName: "Adatum", email: "info@adatum.test", city: "Atlanta" },
      { displayName: "Trey", email: "trey@trey.test", city: "Chicago" },
      { displayName: "Lonely", email: "lonely@erp.test", city: "Nowhere" },
      { displayName: "Twin", email: "", city: "A" },
      { displayName: "Coho", email: "coho@coho.test", city: "Sonoma" },
    ]);
    await h.seed("crm", "accounts", [
      { name: "Adatum Corporation", emailaddress1: "INFO@ADATUM.TEST", address1_city: "Old" },
      { name: "trey", emailaddress1: "other@trey.test", address1_city: "Old" },
      { name: "Twin", emailaddress1: "", address1_city: "B" },
      { name: "Twin", emailaddress1: "", address1_city: "C" },
      { name: "Fabrikam", emailaddress1: "fab@crm.test", address1_city: "Denver" },
    ]);
  });
  afterAll(async () => h?.close());

  it("should show exactly what match-based coupling would couple and write nothing when previewed", async () => {
    const preview = await previewMatchCoupling(ctx(), "CUSTOMER");
    const names = async (pairs: { erpId: string; crmId: string }[]) => {
      const [erp, crm] = [await h.all("erp", "customers"), await h.all("crm", "accounts")];
      return pairs.map((p) => [
        erp.find((e) => e.id === p.erpId)!.data.displayName,
        crm.find((c) => c.id === p.crmId)!.data.name,
      ]);
    };
    expect((await names(preview.pairs)).sort()).toEqual([
      ["Adatum", "Adatum Corporation"],
      ["Trey", "trey"],
    ]);
    expect(preview).toMatchObject({ read: 5, more: false });
    expect(preview.unmatched).toHaveLength(3);
    expect(await h.couplingsOf("CUSTOMER")).toHaveLength(0);
    const picked = await previewMatchCoupling(ctx(), "CUSTOMER", [(await erpOf("Trey")).id]);
    expect(await names(picked.pairs)).toEqual([["Trey", "trey"]]);
  });

  it("should couple by priority group, case-insensitively, only to a unique uncoupled match, and count the rest failed", async () => {
    const result = await coupleByMatch(ctx(), "CUSTOMER", { trigger: "test", syncAfter: false });
    const rows = await h.couplingsOf("CUSTOMER");
    const pair = async (erp: string) => {
      const id = (await erpOf(erp)).id;
      return rows.find((r) => r.erpId === id)?.crmId;
    };
    expect(await pair("Adatum")).toBe((await crmOf("Adatum Corporation")).id); // e-mail, priority 0, other case
    expect(await pair("Trey")).toBe((await crmOf("trey")).id); // name, priority 1
    expect(await pair("Twin")).toBeUndefined(); // two matches: not unique
    expect(result).toMatchObject({ coupled: 2, unmatched: 3 });
    const [job] = await h.harness.database.db.select().from(syncJobs).where(eq(syncJobs.id, result.jobId));
    expect(job).toMatchObject({ type: "coupling", coupled: 2, failed: 3 });
    expect((await h.errorsOf(result.jobId))[0]!.message).toContain(
      "Failed to couple 3 record(s), because no unique uncoupled matching record was found",
    );
  });

  it("should create unmatched records in the CRM and sync the coupled ones when the coupling job is asked to", async () => {
    const coho = await erpOf("Coho");
    const result = await coupleByMatch(ctx(), "CUSTOMER", {
      trigger: "test",
      ids: [coho.id],
      createIfNoMatch: true,
      syncAfter: true,
    });
    expect(result.created!.passes[0]!.counters.inserted).toBe(1);
    expect((await crmOf("Coho")).data.address1_city).toBe("Sonoma");
  });

  it("should set up a coupling and send the ERP record when asked to sync after coupling", async () => {
    const lonely = await erpOf("Lonely");
    const fabrikam = await crmOf("Fabrikam");
    const result = await setUpCoupling(ctx(), "CUSTOMER", {
      erpId: lonely.id,
      crmId: fabrikam.id,
      syncAfter: "erp-to-crm",
    });
    expect(result.synced!.passes[0]!.counters.modified).toBe(1);
    expect((await h.all("crm", "accounts")).find((a) => a.id === fabrikam.id)!.data).toMatchObject({
      name: "Lonely",
      address1_city: "Nowhere",
    });
  });

  it("should refuse to couple a record that is already coupled", async () => {
    const adatum = await erpOf("Adatum");
    const twin = (await h.all("crm", "accounts")).find((a) => a.data.name === "Twin")!;
    await expect(setUpCoupling(ctx(), "CUSTOMER", { erpId: adatum.id, crmId: twin.id })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("should send, get, and refuse to merge when a two-way field conflicts", async () => {
    const trey = await erpOf("Trey");
    const sent = await synchronizeNow(ctx(), "CUSTOMER", { side: "erp", ids: [trey.id] }, "erp-to-crm");
    expect(sent.run.passes[0]!.counters.modified).toBe(1);
    const account = (await h.all("crm", "accounts")).find((a) => a.data.name === "Trey")!;
    await h.edit("crm", "accounts", account.id, { address1_city: "Evanston" });
    await h.edit("erp", "customers", trey.id, { city: "Naperville" });
    await expect(synchronizeNow(ctx(), "CUSTOMER", { side: "erp", ids: [trey.id] }, "merge")).rejects.toBeInstanceOf(
      AppError,
    );
    const got = await synchronizeNow(ctx(), "CUSTOMER", { side: "crm", ids: [account.id] }, "crm-to-erp");
    expect(got.run.passes[0]!.counters.modified).toBe(1);
    expect((await erpOf("Trey")).data.city).toBe("Evanston");
  });

  it("should leave out records changed on the destination when several are synchronized at once", async () => {
    const [lonely, trey] = [await erpOf("Lonely"), await erpOf("Trey")];
    const treyAccount = (await h.all("crm", "accounts")).find((a) => a.data.name === "Trey")!;
    await h.edit("crm", "accounts", treyAccount.id, { address1_city: "Changed in CRM" });
    await h.edit("erp", "customers", lonely.id, { city: "Somewhere" });
    const result = await synchronizeNow(ctx(), "CUSTOMER", { side: "erp", ids: [lonely.id, trey.id] }, "erp-to-crm");
    expect(result.changedOnDestination).toEqual([trey.id]);
    expect(result.run.passes[0]!.counters.modified).toBe(1);
    expect((await h.all("crm", "accounts")).find((a) => a.id === treyAccount.id)!.data.address1_city).toBe(
      "Changed in CRM",
    );
  });

  it("should create an uncoupled CRM record in the ERP and report the ones already coupled", async () => {
    const twin = (await h.all("crm", "accounts")).find((a) => a.data.name === "Twin")!;
    const adatumErp = (await erpOf("Adatum")).id;
    const adatum = (await h.couplingsOf("CUSTOMER")).find((c) => c.erpId === adatumErp)!.crmId;
    const result = await createInOtherSystem(ctx(), "CUSTOMER", { side: "crm", ids: [twin.id, adatum] });
    expect(result.alreadyCoupled).toEqual([adatum]);
    expect(result.run.passes[0]!.counters.inserted).toBe(1);
    expect((await h.all("erp", "customers")).filter((c) => c.data.displayName === "Twin")).toHaveLength(2);
  });

  it("should restore skipped couplings so they are retried first", async () => {
    const db = h.harness.database.db;
    await db
      .update(couplings)
      .set({ skipped: true, lastResultCrm: "failure", lastErrorCrm: "x" })
      .where(eq(couplings.mappingName, "CUSTOMER"));
    const { restored } = await restoreSkipped(ctx(), "CUSTOMER");
    expect(restored).toBe((await h.couplingsOf("CUSTOMER")).length);
    expect(
      (await h.couplingsOf("CUSTOMER")).every(
        (c) => !c.skipped && c.lastErrorCrm === null && c.lastResultCrm === "failure",
      ),
    ).toBe(true);
  });

  it("should uncouple as an uncoupling job and leave both records in place", async () => {
    const adatum = await erpOf("Adatum");
    const account = (await h.couplingsOf("CUSTOMER")).find((c) => c.erpId === adatum.id)!.crmId;
    const result = await uncouple(ctx(), "CUSTOMER", { side: "erp", ids: [adatum.id] });
    expect(result.uncoupled).toBe(1);
    expect((await h.couplingsOf("CUSTOMER")).some((c) => c.erpId === adatum.id)).toBe(false);
    expect((await h.all("crm", "accounts")).some((a) => a.id === account)).toBe(true);
    const [job] = await h.harness.database.db.select().from(syncJobs).where(eq(syncJobs.id, result.jobId));
    expect(job).toMatchObject({ type: "uncoupling", uncoupled: 1 });
  });
});
