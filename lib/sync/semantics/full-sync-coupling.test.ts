import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { couplings, syncJobs } from "@/db/schema";
import { coupleByMatch } from "../engine/couple-records";
import { previewFullSync, type FullSyncPreviewLine } from "../engine/full-sync-preview";
import { readLines, runFullSync } from "../engine/full-sync";
import type { SyncRule } from "../rules/sync-rule";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer, simpleSalespeople } from "../test/simple-mappings";

const byName = (createIfNoMatch: boolean) =>
  simpleCustomer({
    syncOnlyCoupled: true,
    match: {
      groups: [{ priority: 0, fields: [{ erp: "displayName", crm: "name", caseSensitive: false }] }],
      createIfNoMatch,
      syncAfterCoupling: false,
    },
  });

/** Near twins: "Adatum Corporation" and "Adatum Corp." are one company, but no match rule can know that. */
async function seedNearTwins(h: SyncHarness): Promise<void> {
  await h.seed("erp", "customers", [
    { displayName: "Adatum Corporation", email: "info@adatum.test", city: "Atlanta" },
    { displayName: "Trey Research", email: "trey@trey.test", city: "Chicago" },
    { displayName: "Coho Winery", email: "hello@coho.test", city: "Sonoma" },
  ]);
  await h.seed("crm", "accounts", [
    { name: "Adatum Corp.", emailaddress1: "info@adatum.test", address1_city: "Atlanta", customertypecode: 3 },
    { name: "TREY RESEARCH", emailaddress1: "office@trey.test", address1_city: "Chicago", customertypecode: 3 },
    { name: "Litware, Inc.", emailaddress1: "sales@litware.test", address1_city: "Cleveland", customertypecode: 3 },
  ]);
}

const names = async (h: SyncHarness) => ({
  erp: (await h.all("erp", "customers")).map((c) => c.data.displayName).sort(),
  crm: (await h.all("crm", "accounts")).map((a) => a.data.name).sort(),
});

describe.each([false, true])(
  "a Couple records line of a full synchronization with create-if-no-match %s (§3.3)",
  (createIfNoMatch) => {
    let h: SyncHarness;
    let preview: FullSyncPreviewLine;
    let before: Awaited<ReturnType<typeof names>>;
    let written: { jobs: number; couplings: number; records: Awaited<ReturnType<typeof names>> };
    let runId: string;

    beforeAll(async () => {
      h = await startSyncHarness(compileMappings([byName(createIfNoMatch)]));
      await seedNearTwins(h);
      before = await names(h);
      preview = (await previewFullSync(h.context())).lines.find((l) => l.mapping === "CUSTOMER")!;
      const db = h.harness.database.db;
      written = {
        jobs: (await db.select().from(syncJobs)).length,
        couplings: (await db.select().from(couplings)).length,
        records: await names(h),
      };
      runId = await runFullSync(h.context(), null);
    });
    afterAll(async () => h?.close());

    it("should write nothing at all when it previews", () => {
      expect(written).toEqual({ jobs: 0, couplings: 0, records: before });
    });

    it("should preview the line as coupling one record and leaving the near twins to the mapping's setting", () => {
      expect(preview).toEqual({
        mapping: "CUSTOMER",
        recommendation: "couple",
        dependsOn: [],
        couple: 1,
        createInCrm: createIfNoMatch ? 2 : 0,
        createInErp: 0,
        unmatched: createIfNoMatch ? 0 : 2,
      });
    });

    it("should couple the unique match and never create the CRM-only account in the ERP", async () => {
      const [line] = await readLines({ db: h.harness.database.db }, runId);
      expect(line).toMatchObject({ mappingName: "CUSTOMER", recommendation: "couple", status: "finished" });
      expect(await h.couplingsOf("CUSTOMER")).toHaveLength(createIfNoMatch ? 3 : 1);
      expect((await names(h)).erp).toEqual(before.erp);
    });

    it("should count in the coupling job exactly what the preview showed", async () => {
      const jobs = await h.harness.database.db
        .select()
        .from(syncJobs)
        .where(and(eq(syncJobs.mappingName, "CUSTOMER"), eq(syncJobs.type, "coupling")));
      expect(jobs).toHaveLength(1);
      const [job] = jobs;
      expect(job).toMatchObject({ coupled: preview.couple, failed: preview.unmatched });
      const errors = await h.errorsOf(job!.id);
      expect(errors.map((e) => e.message)).toEqual(
        createIfNoMatch ? [] : ["Failed to couple 2 record(s), because no unique uncoupled matching record was found."],
      );
    });

    it(`should create ${createIfNoMatch ? "exactly one CRM record per unmatched ERP record" : "no record on either side"}`, async () => {
      expect(await names(h)).toEqual({
        erp: before.erp,
        crm: createIfNoMatch ? [...before.crm, "Adatum Corporation", "Coho Winery"].sort() : before.crm,
      });
    });

    it("should create nothing more when a scheduled run follows, the mapping syncing coupled records only", async () => {
      const after = await names(h);
      await h.run("CUSTOMER");
      expect(await names(h)).toEqual(after);
    });
  },
);

describe("a Couple records line after incremental runs have set watermarks", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([byName(false)]));
    await seedNearTwins(h);
  });
  afterAll(async () => h?.close());

  it("should read the pairs it coupled in the next run, past the watermarks an earlier run set", async () => {
    const ctx = h.context({ settings: { overlapMs: 0 } }); // no re-read of the last second: only the watermark counts
    // Newer changes elsewhere put the watermarks past Trey's records.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const coho = (await h.all("erp", "customers")).find((c) => c.data.displayName === "Coho Winery")!;
    const litware = (await h.all("crm", "accounts")).find((a) => a.data.name === "Litware, Inc.")!;
    await h.edit("erp", "customers", coho.id, { city: "Napa" });
    await h.edit("crm", "accounts", litware.id, { address1_city: "Akron" });
    await h.run("CUSTOMER", {}, ctx); // couples nothing (coupled records only), but sets the watermarks
    await runFullSync(ctx, null);
    expect(await h.couplingsOf("CUSTOMER")).toHaveLength(1);
    const { passes } = await h.run("CUSTOMER", {}, ctx);
    // Trey's two-way e-mail differs and the pair never synced: both count as changed, and the policy (fail) speaks.
    expect(passes.map((p) => p.counters.failed)).toEqual([1, 1]);
    expect((await h.errorsOf(passes[0]!.jobId))[0]).toMatchObject({ code: "UPDATE_CONFLICT" });
  });
});

describe("match-based coupling of a CRM → ERP mapping", () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([simpleSalespeople()]));
    await h.seed("erp", "salespeoplePurchasers", [
      { code: "AO", displayName: "Ann Olsen", email: "ann@cronus.test" },
      { code: "BK", displayName: "Bo Kim", email: "bo@cronus.test" },
    ]);
    await h.seed("crm", "systemusers", [{ fullname: "Ann Olsen", internalemailaddress: "ANN@cronus.test" }]);
  });
  afterAll(async () => h?.close());

  it("should never create in the CRM and count the unmatched as failed even when asked to create (SALESPEOPLE never)", async () => {
    const users = (await h.all("crm", "systemusers")).length;
    const result = await coupleByMatch(h.context(), "SALESPEOPLE", { trigger: "test", createIfNoMatch: true });
    expect(result).toMatchObject({ coupled: 1, unmatched: 1 });
    expect(result.created).toBeUndefined();
    expect((await h.all("crm", "systemusers")).length).toBe(users);
    expect((await h.errorsOf(result.jobId)).map((e) => e.message)).toEqual([
      "Failed to couple 1 record(s), because no unique uncoupled matching record was found.",
    ]);
  });
});

describe("a Full synchronization line of a two-way mapping whose both sides hold records (§4.12)", () => {
  let h: SyncHarness;
  let preview: FullSyncPreviewLine;
  let before: Awaited<ReturnType<typeof names>>;
  // A rule may recommend a full synchronization although both sides hold records (BC does so for salespeople).
  const full: SyncRule = { name: "full for customers", appliesTo: () => false, recommend: async () => "full" };

  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([byName(false)]));
    await seedNearTwins(h);
    before = await names(h);
    preview = (await previewFullSync(h.context({ rules: [full] }))).lines[0]!;
    await runFullSync(h.context({ rules: [full] }), null);
  });
  afterAll(async () => h?.close());

  it("should preview coupling the unique match and creating everything else on the side that lacks it", () => {
    // ERP → CRM couples Trey and creates Adatum Corporation and Coho; CRM → ERP then creates what is left: Adatum Corp. and Litware.
    expect(preview).toMatchObject({ recommendation: "full", couple: 1, createInCrm: 2, createInErp: 2, unmatched: 0 });
  });

  it("should do what the preview showed, pass by pass", async () => {
    const jobs = await h.jobsOf("CUSTOMER");
    const pass = (direction: string) => jobs.find((j) => j.direction === direction && j.type === "synchronization")!;
    expect([pass("erp-to-crm").coupled, pass("erp-to-crm").inserted, pass("crm-to-erp").inserted]).toEqual([
      preview.couple,
      preview.createInCrm,
      preview.createInErp,
    ]);
    const after = await names(h);
    expect([after.erp.length - before.erp.length, after.crm.length - before.crm.length]).toEqual([
      preview.createInErp,
      preview.createInCrm,
    ]);
  });
});

describe("a preview that reads the ERP records in pages", () => {
  let h: SyncHarness;
  const ctx = () => h.context({ settings: { pageSize: 1 } });
  beforeAll(async () => {
    h = await startSyncHarness(compileMappings([byName(false)]));
    await h.seed("erp", "customers", [
      { displayName: "Twin", email: "a@twin.test", city: "A" },
      { displayName: "Twin", email: "b@twin.test", city: "B" },
    ]);
    await h.seed("crm", "accounts", [
      { name: "Twin", emailaddress1: "c@twin.test", address1_city: "C", customertypecode: 3 },
    ]);
  });
  afterAll(async () => h?.close());

  it("should give a CRM record to one ERP record only when two on different pages match it, as the run does", async () => {
    const preview = (await previewFullSync(ctx())).lines[0]!;
    await runFullSync(ctx(), null);
    const [job] = (await h.jobsOf("CUSTOMER")).filter((j) => j.type === "coupling");
    expect([preview.couple, preview.unmatched]).toEqual([1, 1]);
    expect([job!.coupled, job!.failed]).toEqual([preview.couple, preview.unmatched]);
  });
});
