import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { f } from "@/lib/mapping/model/filter";
import { INTEGRATION_USER_ID } from "@/lib/sandbox/sandbox-settings";
import type { ConnectorRecord } from "../connector";
import { ClientCredentialsTokens } from "../odata/token-provider";
import { CRM_SCOPE, recordingSleep, startHarness, type Harness } from "../test/sandbox-harness";

async function readAll(
  h: Harness,
  request: Parameters<ReturnType<Harness["dataverse"]>["readChanges"]>[0],
  connector = h.dataverse(),
) {
  const records: ConnectorRecord[] = [];
  const deleted: string[] = [];
  let pages = 0;
  const generator = connector.readChanges(request);
  for (;;) {
    const { value, done } = await generator.next();
    if (done) return { records, deleted, pages, cursor: value };
    pages++;
    records.push(...value.records);
    deleted.push(...value.deleted);
  }
}

describe("Dataverse connector against the CRM sandbox", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.runtime.stores.crm.insertMany(
      "accounts",
      Array.from({ length: 1200 }, (_, i) => ({
        id: crypto.randomUUID(),
        data: { name: `Paged ${String(i).padStart(4, "0")}`, statecode: 0, statuscode: 1, customertypecode: 3 },
      })),
    );
  });
  afterAll(() => h.close());

  it("should read every record once across many pages when the page size is small", async () => {
    const before = h.served.requests();
    const { records, pages } = await readAll(h, {
      entity: "accounts",
      pageSize: 100,
      filter: f.startsWith("name", "Paged "),
      select: ["name"],
    });
    expect(records).toHaveLength(1200);
    expect(new Set(records.map((r) => r.id)).size).toBe(1200);
    expect(pages).toBe(12);
    expect(h.served.requests() - before).toBe(12 + 1); // pages, plus one token
  });

  it("should follow relative nextLinks by resolving them against the request", async () => {
    const relative = await startHarness({ crm: { relativeNextLinks: true } });
    try {
      await relative.runtime.stores.crm.insertMany(
        "accounts",
        Array.from({ length: 250 }, (_, i) => ({ id: crypto.randomUUID(), data: { name: `R${i}` } })),
      );
      const { records, pages } = await readAll(relative, { entity: "accounts", pageSize: 100 });
      expect(records).toHaveLength(250);
      expect(pages).toBe(3);
    } finally {
      await relative.close();
    }
  });

  const hostile = [
    "O'Brien & Co #1",
    "100% off' or 1 eq 1 or name eq '",
    "50%_[off]",
    "é ü 漢字 🚀",
    "a'' b ''' c",
    "x eq y and z",
  ];
  it.each(hostile)("should find exactly the record named %j when filtering by that name", async (name) => {
    const connector = h.dataverse();
    const [created] = await connector.write("accounts", [{ kind: "create", values: { name, customertypecode: 3 } }]);
    expect(created).toMatchObject({ ok: true });
    const { records } = await readAll(h, { entity: "accounts", filter: f.eq("name", name), select: ["name"] });
    expect(records.map((r) => r.values.name)).toEqual([name]);
    const start = Array.from(name).slice(0, 8).join("");
    const contains = await readAll(h, { entity: "accounts", filter: f.contains("name", start), select: ["name"] });
    expect(contains.records.map((r) => r.values.name)).toContain(name);
    expect(contains.records.every((r) => String(r.values.name).toLowerCase().includes(start.toLowerCase()))).toBe(true);
  });

  it("should split writes into batches of at most 1000 operations", async () => {
    const connector = h.dataverse();
    const before = h.served.requests();
    const results = await connector.write(
      "accounts",
      Array.from({ length: 2500 }, (_, i) => ({
        kind: "create" as const,
        ref: `r${i}`,
        values: { name: `Batch ${i}` },
      })),
    );
    expect(results).toHaveLength(2500);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.ref)).toEqual(Array.from({ length: 2500 }, (_, i) => `r${i}`));
    expect(h.served.requests() - before).toBe(3 + 1); // 1000 + 1000 + 500, plus one token
    const first = results[0]!;
    expect(first.ok && first.etag).toMatch(/^W\/"\d+"$/);
    expect(first.ok && first.modifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it("should write nothing of an atomic batch when one operation fails", async () => {
    const connector = h.dataverse();
    const results = await connector.write(
      "accounts",
      [
        { kind: "create", values: { name: "Atomic A" } },
        { kind: "create", values: { name: "Atomic B", customertypecode: 999 } },
      ],
      { atomic: true },
    );
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(
      (await readAll(h, { entity: "accounts", filter: f.startsWith("name", "Atomic"), select: ["name"] })).records,
    ).toEqual([]);
  });

  it("should survive a 429 storm, waiting as long as Retry-After says each time", async () => {
    const storm = await startHarness({ crm: { faults: { throttleRate: 0.5, retryAfterSeconds: 3, seed: 7 } } });
    try {
      const { sleep, waits } = recordingSleep();
      const connector = storm.dataverse({ sleep, retry: { maxAttempts: 20 } });
      const results = await connector.write(
        "accounts",
        Array.from({ length: 30 }, (_, i) => ({ kind: "create" as const, values: { name: `Storm ${i}` } })).slice(0, 1),
      );
      expect(results[0]).toMatchObject({ ok: true });
      for (let i = 0; i < 20; i++) await connector.whoAmI();
      expect(connector.client.stats.throttled).toBeGreaterThan(5);
      expect(waits.length).toBe(connector.client.stats.retries);
      expect(waits.every((ms) => ms === 3000)).toBe(true);
    } finally {
      await storm.close();
    }
  });

  it("should give up with a typed error when throttling never stops", async () => {
    const blocked = await startHarness({ crm: { faults: { throttleRate: 1, retryAfterSeconds: 1 } } });
    try {
      const connector = blocked.dataverse({ sleep: recordingSleep().sleep, retry: { maxAttempts: 3 } });
      await expect(connector.whoAmI()).rejects.toMatchObject({
        name: "ConnectorError",
        code: "THROTTLED",
        status: 429,
        message: expect.stringMatching(/gave up after 3 attempts/),
      });
    } finally {
      await blocked.close();
    }
  });

  it("should surface a stale ETag as PRECONDITION_FAILED and keep the newer value", async () => {
    const connector = h.dataverse();
    const [created] = await connector.write("accounts", [{ kind: "create", values: { name: "Versioned" } }]);
    if (!created?.ok) throw new Error("create failed");
    const [fresh] = await connector.write("accounts", [
      { kind: "update", id: created.id, etag: created.etag, values: { name: "Versioned 2" } },
    ]);
    expect(fresh).toMatchObject({ ok: true });
    const [stale] = await connector.write("accounts", [
      { kind: "update", id: created.id, etag: created.etag, values: { name: "Versioned 3" } },
    ]);
    expect(stale).toMatchObject({ ok: false, error: { code: "PRECONDITION_FAILED", status: 412 } });
    expect((await connector.readByIds("accounts", [created.id], ["name"]))[0]?.values.name).toBe("Versioned 2");
  });

  it("should answer NOT_FOUND rather than create when updating a record that does not exist", async () => {
    const connector = h.dataverse();
    const id = crypto.randomUUID();
    const [result] = await connector.write("accounts", [{ kind: "update", id, values: { name: "Ghost" } }]);
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_FOUND", status: 404 } });
    expect(await connector.findMissing("accounts", [id])).toEqual([id]);
  });

  it("should see creates, updates and deletes through delta links", async () => {
    const connector = h.dataverse();
    const [a, b] = (
      await connector.write(
        "contacts",
        ["A", "B", "C"].map((name) => ({ kind: "create" as const, values: { lastname: `Delta ${name}` } })),
      )
    ).map((r) => (r.ok ? r.id : ""));
    const first = await readAll(h, { entity: "contacts", mode: "track-changes", select: ["lastname"] });
    expect(first.cursor.deltaToken).toMatch(/\$deltatoken=/);
    expect(first.records.map((r) => r.values.lastname)).toEqual(
      expect.arrayContaining(["Delta A", "Delta B", "Delta C"]),
    );
    await connector.write("contacts", [
      { kind: "delete", id: a },
      { kind: "update", id: b, values: { lastname: "Delta B2" } },
    ]);
    const second = await readAll(h, {
      entity: "contacts",
      mode: "track-changes",
      since: first.cursor,
      select: ["lastname"],
    });
    expect(second.deleted).toEqual([a]);
    expect(second.records.map((r) => r.values.lastname)).toEqual(["Delta B2"]);
    const third = await readAll(h, { entity: "contacts", mode: "track-changes", since: second.cursor });
    expect(third.records).toEqual([]);
    expect(third.deleted).toEqual([]);
  });

  it("should refresh the token when it expires, and retry once when the server refuses a token it thought valid", async () => {
    const short = await startHarness({ crm: { tokenLifetimeSeconds: 1 } });
    try {
      const tokens = short.tokens(CRM_SCOPE);
      const connector = short.dataverse({ tokens });
      await connector.whoAmI();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await connector.whoAmI();
      expect(tokens.requests).toBe(2);
      // A clock that runs slow keeps a token the server already expired: the 401 makes the client fetch a new one.
      const slowClock = new ClientCredentialsTokens(
        {
          tokenUrl: short.tokenUrl,
          clientId: "tandem-sandbox-client",
          clientSecret: "tandem-sandbox-secret",
          scope: CRM_SCOPE,
        },
        (r) => fetch(r),
        () => Date.now() - 600_000,
      );
      const stale = short.dataverse({ tokens: slowClock });
      await stale.whoAmI();
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await expect(stale.whoAmI()).resolves.toEqual({ userId: INTEGRATION_USER_ID });
      expect(slowClock.requests).toBe(2);
    } finally {
      await short.close();
    }
  });

  it("should report its own user and stamp it as the modifier of what it writes", async () => {
    const connector = h.dataverse();
    expect(await connector.whoAmI()).toEqual({ userId: INTEGRATION_USER_ID });
    const [created] = await connector.write("accounts", [{ kind: "create", values: { name: "Mine" } }]);
    const [read] = await connector.readByIds("accounts", [created?.ok ? created.id : ""], ["name"]);
    expect(read?.modifiedBy).toBe(INTEGRATION_USER_ID);
  });

  it("should bind lookups on write and read them back under their logical names", async () => {
    const connector = h.dataverse();
    const [account] = await connector.write("accounts", [{ kind: "create", values: { name: "Parent" } }]);
    const parentId = account?.ok ? account.id : "";
    const [contact] = await connector.write("contacts", [
      { kind: "create", values: { lastname: "Child", parentcustomerid: { entity: "accounts", id: parentId } } },
    ]);
    const [read] = await connector.readByIds(
      "contacts",
      [contact?.ok ? contact.id : ""],
      ["lastname", "parentcustomerid"],
    );
    expect(read?.values.parentcustomerid).toBe(parentId);
    const filtered = await readAll(h, {
      entity: "contacts",
      filter: f.eq("parentcustomerid", parentId),
      select: ["lastname"],
    });
    expect(filtered.records.map((r) => r.values.lastname)).toEqual(["Child"]);
  });

  it("should describe tables from the metadata API with lengths, options, targets and create-only columns", async () => {
    const catalog = await h
      .dataverse({ catalog: undefined })
      .describe(["accounts", "salesorders", "account.paymenttermscode"]);
    const accounts = catalog.entities.find((e) => e.name === "accounts")!;
    expect(accounts).toMatchObject({ key: "accountid", modifiedOn: "modifiedon", logicalName: "account" });
    expect(accounts.fields.find((x) => x.name === "name")).toMatchObject({ type: "string", maxLength: 160 });
    expect(accounts.fields.find((x) => x.name === "customertypecode")?.options).toContainEqual({
      value: 3,
      label: "Customer",
    });
    expect(accounts.fields.find((x) => x.name === "ownerid")).toMatchObject({
      type: "lookup",
      lookupTargets: ["systemusers", "teams"],
    });
    expect(
      catalog.entities.find((e) => e.name === "salesorders")?.fields.find((x) => x.name === "ordernumber"),
    ).toMatchObject({ createOnly: true });
    expect(catalog.entities.find((e) => e.name === "account.paymenttermscode")).toMatchObject({
      kind: "optionset",
      key: "value",
    });
  });

  it("should read and add the options of a choice column as records", async () => {
    const connector = h.dataverse();
    const before = await readAll(h, { entity: "account.paymenttermscode" });
    const [created] = await connector.write("account.paymenttermscode", [
      { kind: "create", values: { label: "Net 90" } },
    ]);
    expect(created).toMatchObject({ ok: true, id: "100000000" });
    const after = await readAll(h, { entity: "account.paymenttermscode" });
    expect(after.records.length).toBe(before.records.length + 1);
    expect(after.records.at(-1)?.values).toEqual({ value: 100000000, label: "Net 90" });
  });

  it("should count past the 5000 that $count stops at", async () => {
    expect(await h.dataverse().count("accounts")).toBeGreaterThan(3700);
    expect(await h.dataverse().count("accounts", f.startsWith("name", "Paged "))).toBe(1200);
  });
});
