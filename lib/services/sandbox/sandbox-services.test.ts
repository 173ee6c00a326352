import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { contextAs } from "@/db/test/factories";
import { describeEachDriver, type TestDatabase } from "@/db/test/test-database";
import { STATIC_CATALOGS } from "@/lib/mapping/template/catalogs";
import { entraObjectIdOf } from "@/lib/sandbox/dataverse/entra-object-id";
import { SandboxStore } from "@/lib/sandbox/store/sandbox-store";
import { browseSandbox } from "./browse-sandbox";
import { createSandboxRecord } from "./create-sandbox-record";
import { creatableOnPage } from "./sandbox-values";
import { updateSandboxRecord } from "./update-sandbox-record";

const fails = async (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { code?: string; fieldErrors?: Record<string, string[]> }) => error,
  );

describeEachDriver("sandbox page verbs", (database: () => TestDatabase) => {
  let crm: SandboxStore;
  let erp: SandboxStore;
  beforeAll(() => {
    crm = new SandboxStore(database().db, "crm");
    erp = new SandboxStore(database().db, "erp");
  });

  it("should create a CRM record as the person's own new sandbox user when an admin creates one", async () => {
    const ctx = await contextAs(database().db, "admin");
    const created = await createSandboxRecord({
      ctx,
      input: {
        system: "crm",
        entity: "accounts",
        values: { name: "Made on the page", telephone1: "+1 555 0101", accountnumber: "" },
      },
    });
    const account = (await crm.get("accounts", created.id))!;
    const person = (await crm.get("systemusers", created.modifiedBy!))!;
    expect(person.data).toMatchObject({
      fullname: ctx.user.name,
      internalemailaddress: ctx.user.email,
      isdisabled: false,
      islicensed: true,
      isintegrationuser: false,
      azureactivedirectoryobjectid: entraObjectIdOf(person.id),
    });
    expect(account).toMatchObject({
      modifiedBy: person.id,
      data: { name: "Made on the page", telephone1: "+1 555 0101", createdby: person.id, statecode: 0, statuscode: 1 },
    });
    expect(account.data).not.toHaveProperty("accountnumber");
    const [audit] = await database()
      .db.select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "sandbox.record.create"), eq(auditLog.targetId, created.id)));
    expect(audit).toMatchObject({
      actorId: ctx.user.id,
      targetType: "crm.accounts",
      details: { writtenAs: person.id, sandboxUserCreated: true },
    });
    const again = await createSandboxRecord({
      ctx,
      input: { system: "crm", entity: "accounts", values: { name: "Made again" } },
    });
    expect(again.modifiedBy).toBe(person.id);
  });

  it("should write as the systemuser whose e-mail is the person's when the CRM has one", async () => {
    const ctx = await contextAs(database().db, "admin");
    const existing = crypto.randomUUID();
    await crm.insertMany("systemusers", [
      {
        id: existing,
        data: { fullname: "Known Person", internalemailaddress: ctx.user.email.toUpperCase(), isdisabled: false },
      },
    ]);
    const created = await createSandboxRecord({
      ctx,
      input: { system: "crm", entity: "contacts", values: { lastname: "Known" } },
    });
    expect(created.modifiedBy).toBe(existing);
    const updated = await updateSandboxRecord({
      ctx,
      input: { system: "crm", entity: "contacts", id: created.id, values: { firstname: "Karl" } },
    });
    expect((await crm.get("contacts", updated.id))!.modifiedBy).toBe(existing);
  });

  it("should number a new ERP customer and give it its company contact as the API does", async () => {
    const ctx = await contextAs(database().db, "admin");
    const created = await createSandboxRecord({
      ctx,
      input: { system: "erp", entity: "customers", values: { displayName: "Page Customer Ltd." } },
    });
    const customer = (await erp.get("customers", created.id))!;
    expect(customer.data.number).toMatch(/^\d+$/);
    expect(created.modifiedBy).toBeNull();
    const contacts = await erp.query({ entity: "contacts", limit: 100 });
    expect(
      contacts.some(
        (c) => c.data.displayName === "Page Customer Ltd." || c.data.companyNumber === customer.data.number,
      ),
    ).toBe(true);
  });

  it("should change an ERP record with no CRM user involved when an admin edits one", async () => {
    const ctx = await contextAs(database().db, "admin");
    const created = await createSandboxRecord({
      ctx,
      input: { system: "erp", entity: "customers", values: { displayName: "Edited Customer" } },
    });
    const users = await crm.count("systemusers");
    await updateSandboxRecord({
      ctx,
      input: { system: "erp", entity: "customers", id: created.id, values: { phoneNumber: "+1 555 0100" } },
    });
    expect((await erp.get("customers", created.id))!).toMatchObject({
      modifiedBy: null,
      data: { phoneNumber: "+1 555 0100", displayName: "Edited Customer" },
    });
    expect(await crm.count("systemusers")).toBe(users);
  });

  it("should change only the stored values when an admin edits behind the integration's back", async () => {
    const ctx = await contextAs(database().db, "admin");
    const created = await createSandboxRecord({
      ctx,
      input: { system: "erp", entity: "customers", values: { displayName: "Quiet Customer" } },
    });
    const before = (await erp.get("customers", created.id))!;
    const sequence = await erp.lastSequence("customers");
    await updateSandboxRecord({
      ctx,
      input: {
        system: "erp",
        entity: "customers",
        id: created.id,
        values: { phoneNumber: "+1 555 0199" },
        behindTheBack: true,
      },
    });
    const after = (await erp.get("customers", created.id))!;
    expect(after.data).toMatchObject({ phoneNumber: "+1 555 0199", displayName: "Quiet Customer" });
    // No new modified-on, version or change-log entry: nothing a sync reads by watermark or delta sees it.
    expect(after).toMatchObject({ version: before.version, modifiedAt: before.modifiedAt });
    expect(await erp.lastSequence("customers")).toBe(sequence);
  });

  it("should name every field that is wrong and create nothing when the input is invalid", async () => {
    const ctx = await contextAs(database().db, "admin");
    const before = await crm.count("accounts");
    const error = await fails(
      createSandboxRecord({
        ctx,
        input: { system: "crm", entity: "accounts", values: { accountnumber: "x".repeat(25), versionnumber: 3 } },
      }),
    );
    expect(error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(Object.keys(error!.fieldErrors!).sort()).toEqual(["accountnumber", "name", "versionnumber"]);
    expect(error!.fieldErrors!.name).toEqual(["This field is required"]);
    expect(await crm.count("accounts")).toBe(before);
  });

  it.each(["consultant", "viewer"] as const)("should refuse a %s and write nothing", async (role) => {
    const ctx = await contextAs(database().db, role);
    const before = await crm.count("accounts");
    expect(
      await fails(
        createSandboxRecord({ ctx, input: { system: "crm", entity: "accounts", values: { name: `By a ${role}` } } }),
      ),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(await crm.count("accounts")).toBe(before);
  });

  it("should refuse an entity the page cannot create when its form has no box for a required lookup", async () => {
    const ctx = await contextAs(database().db, "admin");
    const blocked = STATIC_CATALOGS.crm.entities.find((e) => e.kind === "table" && !creatableOnPage(e));
    expect(blocked).toBeDefined();
    expect(
      await fails(createSandboxRecord({ ctx, input: { system: "crm", entity: blocked!.name, values: {} } })),
    ).toMatchObject({ code: "NOT_FOUND" });
  });

  it("should list who last modified each CRM record when the page is browsed", async () => {
    const ctx = await contextAs(database().db, "admin");
    const created = await createSandboxRecord({
      ctx,
      input: { system: "crm", entity: "accounts", values: { name: "Listed with its modifier" } },
    });
    const page = await browseSandbox({
      ctx,
      input: { system: "crm", entity: "accounts", search: "Listed with its modifier" },
    });
    expect(page.records.map((r) => r.id)).toEqual([created.id]);
    expect(page.modifiers[created.modifiedBy!]).toBe(ctx.user.name);
    expect(page.creatable).toBe(true);
  });
});
