import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INTEGRATION_USER_ID } from "../sandbox-settings";
import { rawSandbox, type RawSandbox } from "../test/sandbox-client";

const json = async (response: Response) =>
  (await response.json()) as Record<string, unknown> & {
    value: Record<string, unknown>[];
    error: { code: string; message: string };
  };

describe("Dataverse sandbox on its own", () => {
  let s: RawSandbox;
  beforeAll(async () => {
    s = await rawSandbox();
    await s.runtime.stores.crm.insertMany(
      "accounts",
      Array.from({ length: 12 }, (_, i) => ({
        id: crypto.randomUUID(),
        data: { name: `Acc ${i}`, statecode: 0, statuscode: 1, customertypecode: i % 2 ? 3 : 11 },
      })),
    );
  });
  afterAll(() => s.close());

  it.each([
    ["$skip", "accounts?$skip=10", "The query parameter $skip is not supported"],
    ["an unknown option", "accounts?$foo=1", "The query parameter $foo is not supported"],
    [
      "an unknown property",
      "accounts?$filter=nope eq 1",
      "Could not find a property named 'nope' on type 'Microsoft.Dynamics.CRM.account'.",
    ],
    [
      "a lookup by its navigation name",
      "accounts?$filter=ownerid eq null",
      "Could not find a property named 'ownerid'",
    ],
    [
      "a type mismatch",
      "accounts?$filter=statecode eq 'Active'",
      "Found operand types 'Edm.Int32' and 'Edm.String' for operator kind 'Equal'",
    ],
    ["a syntax error", "accounts?$filter=name eq", "Syntax error"],
    ["a navigation path", "accounts?$filter=parentcustomerid_account/accountid ne null", "navigation paths"],
  ])("should refuse %s with the service's OData error", async (_label, path, message) => {
    const response = await s.crm(path);
    expect(response.status).toBe(400);
    const body = await json(response);
    expect(body.error.code).toBe("0x80060888");
    expect(body.error.message).toContain(message);
  });

  it("should refuse $filter together with change tracking, as Dataverse does", async () => {
    const response = await s.crm("accounts?$select=name&$filter=statecode eq 0", {
      headers: { Prefer: "odata.track-changes" },
    });
    expect(response.status).toBe(400);
    expect((await json(response)).error.message).toBe(
      'The "$filter" query parameter isn\'t supported when Change Tracking is enabled',
    );
  });

  it("should answer 404 to PATCH with If-Match: * on a missing id, and create on PATCH without it", async () => {
    const id = crypto.randomUUID();
    const strict = await s.crm(`accounts(${id})`, {
      method: "PATCH",
      headers: { "If-Match": "*" },
      body: JSON.stringify({ name: "Nope" }),
    });
    expect(strict.status).toBe(404);
    expect((await json(strict)).error).toEqual({
      code: "0x80040217",
      message: `account With Id = ${id} Does Not Exist`,
    });
    const upsert = await s.crm(`accounts(${id})`, { method: "PATCH", body: JSON.stringify({ name: "Upserted" }) });
    expect(upsert.status).toBe(204);
    expect((await json(await s.crm(`accounts(${id})?$select=name`))).name).toBe("Upserted");
  });

  it("should answer 412 to a stale ETag and to If-None-Match: * on an existing record", async () => {
    const created = await json(
      await s.crm("accounts", {
        method: "POST",
        headers: { Prefer: "return=representation" },
        body: JSON.stringify({ name: "Tagged" }),
      }),
    );
    const id = String(created.accountid);
    const etag = String(created["@odata.etag"]);
    expect(
      (
        await s.crm(`accounts(${id})`, {
          method: "PATCH",
          headers: { "If-Match": etag },
          body: JSON.stringify({ name: "Tagged 2" }),
        })
      ).status,
    ).toBe(204);
    const stale = await s.crm(`accounts(${id})`, {
      method: "PATCH",
      headers: { "If-Match": etag },
      body: JSON.stringify({ name: "Tagged 3" }),
    });
    expect(stale.status).toBe(412);
    expect((await json(stale)).error.code).toBe("0x80060882");
    expect(
      (
        await s.crm(`accounts(${id})`, {
          method: "PATCH",
          headers: { "If-None-Match": "*" },
          body: JSON.stringify({ name: "x" }),
        })
      ).status,
    ).toBe(412);
  });

  it("should cap pages at 5000 and say so in Preference-Applied", async () => {
    const response = await s.crm("accounts?$select=name", { headers: { Prefer: "odata.maxpagesize=10000" } });
    expect(response.headers.get("Preference-Applied")).toBe("odata.maxpagesize=5000");
  });

  it("should page with a nextLink carrying the same options and a $skiptoken", async () => {
    const first = await json(
      await s.crm("accounts?$select=name&$filter=startswith(name,'Acc ')&$count=true", {
        headers: { Prefer: "odata.maxpagesize=5" },
      }),
    );
    expect(first.value).toHaveLength(5);
    expect(first["@odata.count"]).toBe(12);
    const next = String(first["@odata.nextLink"]);
    expect(next).toMatch(
      /^http:\/\/sandbox\.test\/sandbox\/crm\/api\/data\/v9\.2\/accounts\?\$select=name&\$filter=startswith/,
    );
    expect(next).toContain("$skiptoken=");
  });

  it("should keep modifiedon, versionnumber and the modifier up to date on every write", async () => {
    const created = await json(
      await s.crm("accounts", {
        method: "POST",
        headers: { Prefer: "return=representation" },
        body: JSON.stringify({ name: "Stamped" }),
      }),
    );
    expect(created._modifiedby_value).toBe(INTEGRATION_USER_ID);
    expect(created.modifiedon).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    const updated = await json(
      await s.crm(`accounts(${String(created.accountid)})`, {
        method: "PATCH",
        headers: { "If-Match": "*", Prefer: "return=representation" },
        body: JSON.stringify({ name: "Stamped 2" }),
      }),
    );
    expect(Number(updated.versionnumber)).toBeGreaterThan(Number(created.versionnumber));
    expect(String(updated.modifiedon) > String(created.modifiedon)).toBe(true);
  });

  it("should set the default status of a state and label options when annotations are asked for", async () => {
    const created = await json(
      await s.crm("accounts", {
        method: "POST",
        headers: { Prefer: 'return=representation,odata.include-annotations="*"' },
        body: JSON.stringify({ name: "Stateful", customertypecode: 11 }),
      }),
    );
    expect(created).toMatchObject({
      statecode: 0,
      statuscode: 1,
      "customertypecode@OData.Community.Display.V1.FormattedValue": "Vendor",
    });
    const inactive = await json(
      await s.crm(`accounts(${String(created.accountid)})`, {
        method: "PATCH",
        headers: { "If-Match": "*", Prefer: "return=representation" },
        body: JSON.stringify({ statecode: 1 }),
      }),
    );
    expect(inactive).toMatchObject({ statecode: 1, statuscode: 2 });
  });

  it.each([
    ["an unknown column", { name: "x", nope: 1 }, "Could not find a property named 'nope'"],
    ["a text over its length", { name: "x".repeat(161) }, "exceeded the maximum allowed length of '160'"],
    [
      "an option value the column lacks",
      { name: "x", customertypecode: 99 },
      "99 is not a valid value for the 'customertypecode' attribute",
    ],
    [
      "a lookup set directly",
      { name: "x", ownerid: crypto.randomUUID() },
      "can only be set with 'ownerid_systemuser@odata.bind'",
    ],
    [
      "a bind to a record that does not exist",
      { name: "x", "primarycontactid@odata.bind": `/contacts(${crypto.randomUUID()})` },
      "Does Not Exist",
    ],
  ])("should refuse %s on create", async (_label, body, message) => {
    const response = await s.crm("accounts", { method: "POST", body: JSON.stringify(body) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect((await json(response)).error.message).toContain(message);
  });

  it("should answer WhoAmI with the application user", async () => {
    expect((await json(await s.crm("WhoAmI"))).UserId).toBe(INTEGRATION_USER_ID);
  });

  it("should refuse more than 1000 requests in one batch and roll back a failed changeset", async () => {
    const part = () =>
      `--b\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\nGET accounts?$top=1 HTTP/1.1\r\n\r\n`;
    const tooMany = await s.crm("$batch", {
      method: "POST",
      headers: { "Content-Type": "multipart/mixed; boundary=b" },
      body: `${Array.from({ length: 1001 }, () => part()).join("")}--b--\r\n`,
    });
    expect(tooMany.status).toBe(400);
    expect((await json(tooMany)).error.message).toMatch(/limited to 1000/);
    const changeset = [
      "--b\r\nContent-Type: multipart/mixed; boundary=c\r\n\r\n",
      '--c\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 1\r\n\r\nPOST accounts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"name":"Changeset A"}\r\n',
      '--c\r\nContent-Type: application/http\r\nContent-Transfer-Encoding: binary\r\nContent-ID: 2\r\n\r\nPOST accounts HTTP/1.1\r\nContent-Type: application/json\r\n\r\n{"name":"Changeset B","customertypecode":999}\r\n',
      "--c--\r\n--b--\r\n",
    ].join("");
    const response = await s.crm("$batch", {
      method: "POST",
      headers: { "Content-Type": "multipart/mixed; boundary=b" },
      body: changeset,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/HTTP\/1\.1 400/);
    expect((await json(await s.crm("accounts?$filter=startswith(name,'Changeset')"))).value).toEqual([]);
  });

  it("should answer 401 without a token and with a token meant for the other sandbox", async () => {
    expect(
      (await s.runtime.handle("crm", new Request("http://sandbox.test/sandbox/crm/api/data/v9.2/accounts"))).status,
    ).toBe(401);
    const erpToken = await s.token("https://api.businesscentral.dynamics.com/.default");
    expect(
      (
        await s.runtime.handle(
          "crm",
          new Request("http://sandbox.test/sandbox/crm/api/data/v9.2/accounts", {
            headers: { Authorization: `Bearer ${erpToken}` },
          }),
        )
      ).status,
    ).toBe(401);
  });
});
