import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableDrivers } from "@/db/test/test-database";
import { buildMultipart } from "@/lib/connectors/odata/multipart";
import { INTEGRATION_USER_ID } from "../sandbox-settings";
import { SANDBOX_PATHS } from "../sandbox-runtime";
import { rawSandbox, type RawSandbox } from "../test/sandbox-client";
import { entraObjectIdOf } from "./entra-object-id";

type Body = Record<string, unknown> & { error: { code: string; message: string } };
const driver = availableDrivers().includes("postgres") ? "postgres" : "pglite";
const PERSON = "5a1e5000-0000-4000-8000-000000000001";
const DISABLED = "5a1e5000-0000-4000-8000-000000000002";

async function withUsers(s: RawSandbox) {
  await s.runtime.stores.crm.insertMany("systemusers", [
    {
      id: PERSON,
      data: {
        fullname: "Pat Person",
        internalemailaddress: "pat@example.test",
        isdisabled: false,
        azureactivedirectoryobjectid: entraObjectIdOf(PERSON),
      },
    },
    {
      id: DISABLED,
      data: {
        fullname: "Dee Disabled",
        internalemailaddress: "dee@example.test",
        isdisabled: true,
        azureactivedirectoryobjectid: entraObjectIdOf(DISABLED),
      },
    },
  ]);
}

describe("Dataverse impersonation in the CRM sandbox", () => {
  let s: RawSandbox;
  let refusing: RawSandbox;
  const json = async (response: Response) => (await response.json()) as Body;
  const createAccount = async (sandbox: RawSandbox, name: string, headers: Record<string, string>) => {
    const response = await sandbox.crm("accounts", { method: "POST", headers, body: JSON.stringify({ name }) });
    return { response, id: /\(([0-9a-f-]{36})\)$/.exec(response.headers.get("OData-EntityId") ?? "")?.[1] };
  };
  const modifierOf = async (set: string, id: string, column = "_modifiedby_value") =>
    (await json(await s.crm(`${set}(${id})?$select=${column}`)))[column];

  beforeAll(async () => {
    s = await rawSandbox({}, undefined, driver);
    refusing = await rawSandbox({ crm: { applicationUserMayImpersonate: false } }, undefined, driver);
    await withUsers(s);
    await withUsers(refusing);
  });
  afterAll(async () => {
    await s?.close();
    await refusing?.close();
  });

  it("should write as the systemuser MSCRMCallerID names and answer WhoAmI with it", async () => {
    const { response, id } = await createAccount(s, "Impersonated Ltd.", { MSCRMCallerID: PERSON });
    expect(response.status).toBe(204);
    expect(await modifierOf("accounts", id!)).toBe(PERSON);
    expect((await json(await s.crm("WhoAmI", { headers: { MSCRMCallerID: PERSON } }))).UserId).toBe(PERSON);
    expect((await json(await s.crm("WhoAmI"))).UserId).toBe(INTEGRATION_USER_ID);
  });

  it("should find the systemuser by its Entra object id when CallerObjectId is sent", async () => {
    const { id } = await createAccount(s, "By Object Id", {});
    expect(await modifierOf("accounts", id!)).toBe(INTEGRATION_USER_ID);
    const patched = await s.crm(`accounts(${id})`, {
      method: "PATCH",
      headers: { "If-Match": "*", CallerObjectId: entraObjectIdOf(PERSON).toUpperCase() },
      body: JSON.stringify({ telephone1: "+1 555 0199" }),
    });
    expect(patched.status).toBe(204);
    expect(await modifierOf("accounts", id!)).toBe(PERSON);
    expect((await json(await s.crm("WhoAmI()", { headers: { CallerObjectId: entraObjectIdOf(PERSON) } }))).UserId).toBe(
      PERSON,
    );
  });

  it("should record the impersonated user as creator where the table has createdby", async () => {
    const response = await s.crm("posts", {
      method: "POST",
      headers: { MSCRMCallerID: PERSON },
      body: JSON.stringify({ text: "Written by a person", source: 2, type: 7 }),
    });
    expect(response.status).toBe(204);
    const id = /\(([0-9a-f-]{36})\)$/.exec(response.headers.get("OData-EntityId") ?? "")![1]!;
    expect(await modifierOf("posts", id, "_createdby_value")).toBe(PERSON);
  });

  it("should carry the impersonated user into the requests of a $batch", async () => {
    const boundary = "batch_impersonation";
    const url = `http://sandbox.test${SANDBOX_PATHS.crm}/accounts`;
    const body = buildMultipart(
      boundary,
      [
        {
          message: {
            method: "POST",
            url,
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ name: "Batched by a person" }),
          },
        },
      ],
      () => "changeset_x",
    );
    const response = await s.crm("$batch", {
      method: "POST",
      headers: { "Content-Type": `multipart/mixed; boundary=${boundary}`, MSCRMCallerID: PERSON },
      body,
    });
    expect(response.status).toBe(200);
    const id = /accounts\(([0-9a-f-]{36})\)/.exec(await response.text())![1]!;
    expect(await modifierOf("accounts", id)).toBe(PERSON);
  });

  it.each([
    ["an unknown systemuser", { MSCRMCallerID: "5a1e5000-0000-4000-8000-0000000000ff" }, "0x80040217"],
    ["an unknown Entra object id", { CallerObjectId: "5a1e5000-0000-4000-8000-0000000000ff" }, "0x80040217"],
    ["a disabled systemuser", { MSCRMCallerID: DISABLED }, "0x80040225"],
    ["a disabled user's object id", { CallerObjectId: entraObjectIdOf(DISABLED) }, "0x80040225"],
  ])("should answer 403 and write nothing when the caller impersonates %s", async (_label, headers, code) => {
    const { response, id } = await createAccount(s, `Refused ${code}`, headers);
    expect(response.status).toBe(403);
    expect((await json(response)).error.code).toBe(code);
    expect(id).toBeUndefined();
    expect((await json(await s.crm(`accounts?$select=name&$filter=name eq 'Refused ${code}'`))).value).toEqual([]);
  });

  it("should answer 403 with the missing privilege when the application user may not impersonate", async () => {
    const { response } = await createAccount(refusing, "Not allowed", { MSCRMCallerID: PERSON });
    expect(response.status).toBe(403);
    expect((await json(response)).error).toMatchObject({
      code: "0x80040220",
      message: expect.stringContaining("prvActOnBehalfOfAnotherUser"),
    });
    expect((await json(await refusing.crm("WhoAmI", { headers: { MSCRMCallerID: PERSON } }))).error.code).toBe(
      "0x80040220",
    );
    expect((await createAccount(refusing, "As itself", {})).response.status).toBe(204);
  });

  it("should refuse a header that is not a GUID", async () => {
    const { response } = await createAccount(s, "Bad header", { MSCRMCallerID: "nancy" });
    expect(response.status).toBe(400);
  });
});
