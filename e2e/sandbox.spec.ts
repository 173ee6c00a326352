import { expect, test } from "@playwright/test";
import { DEMO_CLIENT } from "../lib/sandbox/sandbox-settings";
import { storageStatePath } from "./support/accounts";

test.describe("sandbox APIs served by the app", () => {
  test("should give a client a token and answer it like Dataverse and Business Central", async ({ request }) => {
    const token = async (scope: string) => {
      const response = await request.post("/sandbox/auth/tandem/oauth2/v2.0/token", {
        form: {
          grant_type: "client_credentials",
          client_id: DEMO_CLIENT.clientId,
          client_secret: DEMO_CLIENT.clientSecret,
          scope,
        },
      });
      expect(response.status()).toBe(200);
      return ((await response.json()) as { access_token: string }).access_token;
    };
    const crm = await token("https://sandbox-crm/.default");
    const whoAmI = await request.get("/sandbox/crm/api/data/v9.2/WhoAmI", {
      headers: { Authorization: `Bearer ${crm}` },
    });
    expect(whoAmI.status()).toBe(200);
    expect(await whoAmI.json()).toHaveProperty("UserId");
    const accounts = await request.get(
      "/sandbox/crm/api/data/v9.2/accounts?$select=name&$filter=name eq 'Adatum Corporation'",
      { headers: { Authorization: `Bearer ${crm}` } },
    );
    expect(((await accounts.json()) as { value: { name: string }[] }).value.map((a) => a.name)).toEqual([
      "Adatum Corporation",
    ]);

    const erp = await token("https://api.businesscentral.dynamics.com/.default");
    const companies = (await (
      await request.get("/sandbox/erp/api/v2.0/companies", { headers: { Authorization: `Bearer ${erp}` } })
    ).json()) as { value: { id: string; name: string }[] };
    expect(companies.value[0]?.name).toBe("CRONUS International Ltd.");
    const customers = await request.get(
      `/sandbox/erp/api/v2.0/companies(${companies.value[0]!.id})/customers?$filter=number eq '10000'`,
      { headers: { Authorization: `Bearer ${erp}` } },
    );
    expect(((await customers.json()) as { value: { displayName: string }[] }).value[0]?.displayName).toBe(
      "Adatum Corporation",
    );
  });

  test("should write links with the host the client called when it calls 127.0.0.1, localhost or through a proxy", async ({
    request,
    baseURL,
  }) => {
    const port = new URL(baseURL!).port;
    const callers: { origin: string; dial: string; headers: Record<string, string> }[] = [
      { origin: `http://127.0.0.1:${port}`, dial: `http://127.0.0.1:${port}`, headers: {} },
      { origin: `http://localhost:${port}`, dial: `http://localhost:${port}`, headers: {} },
      {
        origin: "https://tandem.example.com",
        dial: `http://127.0.0.1:${port}`,
        headers: { "X-Forwarded-Host": "tandem.example.com", "X-Forwarded-Proto": "https" },
      },
    ];
    for (const { origin, dial, headers } of callers) {
      const token = async (scope: string) => {
        const response = await request.post(`${dial}/sandbox/auth/tandem/oauth2/v2.0/token`, {
          form: {
            grant_type: "client_credentials",
            client_id: DEMO_CLIENT.clientId,
            client_secret: DEMO_CLIENT.clientSecret,
            scope,
          },
        });
        return ((await response.json()) as { access_token: string }).access_token;
      };
      const crm = { ...headers, Authorization: `Bearer ${await token("https://sandbox-crm/.default")}` };
      const page = (await (
        await request.get(`${dial}/sandbox/crm/api/data/v9.2/accounts?$select=name`, {
          headers: { ...crm, Prefer: "odata.maxpagesize=2" },
        })
      ).json()) as Record<string, string>;
      expect(page["@odata.context"], origin).toBe(`${origin}/sandbox/crm/api/data/v9.2/$metadata#accounts(name)`);
      expect(
        page["@odata.nextLink"]?.startsWith(`${origin}/sandbox/crm/api/data/v9.2/accounts?`),
        `${origin}: ${page["@odata.nextLink"]}`,
      ).toBe(true);
      if (origin === dial) {
        // A standard client follows the link exactly as given.
        const next = await request.get(page["@odata.nextLink"]!, {
          headers: { ...crm, Prefer: "odata.maxpagesize=2" },
        });
        expect(next.status(), origin).toBe(200);
      }
      const erp = {
        ...headers,
        Authorization: `Bearer ${await token("https://api.businesscentral.dynamics.com/.default")}`,
      };
      const companies = (await (
        await request.get(`${dial}/sandbox/erp/api/v2.0/companies`, { headers: erp })
      ).json()) as { "@odata.context": string; value: { id: string }[] };
      expect(companies["@odata.context"], origin).toBe(`${origin}/sandbox/erp/api/v2.0/$metadata#companies`);
      const customers = (await (
        await request.get(
          `${dial}/sandbox/erp/api/v2.0/companies(${companies.value[0]!.id})/customers?$select=number`,
          { headers: { ...erp, Prefer: "odata.maxpagesize=1" } },
        )
      ).json()) as Record<string, string>;
      expect(
        customers["@odata.nextLink"]?.startsWith(`${origin}/sandbox/erp/api/v2.0/companies(`),
        `${origin}: ${customers["@odata.nextLink"]}`,
      ).toBe(true);
    }
  });

  test("should refuse a wrong client secret the way Entra ID does", async ({ request }) => {
    const response = await request.post("/sandbox/auth/tandem/oauth2/v2.0/token", {
      form: {
        grant_type: "client_credentials",
        client_id: DEMO_CLIENT.clientId,
        client_secret: "wrong",
        scope: "https://sandbox-crm/.default",
      },
    });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: "invalid_client" });
  });
});

test.describe("sandbox pages as the admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("should find a customer by name and save a change that moves its modified-on", async ({ page }) => {
    await page.goto("/sandbox/erp?entity=customers");
    // Fabrikam is blocked, so no sync running alongside (e2e/sync.spec.ts) writes to it while this test edits it.
    await page.getByLabel("Search Customers").fill("fabrikam");
    await page.keyboard.press("Enter");
    const table = page.getByRole("table", { name: "Customers records" });
    await expect(table.getByRole("row")).toHaveCount(2);
    await table.getByRole("link", { name: "Fabrikam, Inc." }).click();
    const form = page.getByRole("form", { name: "Record" });
    const modified = await form.getByLabel("Last Modified Date-Time").inputValue();
    await form.getByLabel("Phone No.").fill("+1 555 0100");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("status")).toContainText("Saved");
    await expect(form.getByLabel("Phone No.")).toHaveValue("+1 555 0100");
    await expect(form.getByLabel("Last Modified Date-Time")).not.toHaveValue(modified);
    await page.goto("/audit");
    await expect(
      page.getByRole("row").filter({ hasText: "sandbox.record.update" }).filter({ hasText: "erp.customers" }).first(),
    ).toBeVisible();
  });

  test("should create an account from the CRM sandbox page and list it with the person as its modifier", async ({
    page,
  }) => {
    const name = `Page-made account ${Date.now().toString(36)}`;
    await page.goto("/sandbox/crm?entity=accounts");
    await page.getByRole("link", { name: "New record" }).click();
    const form = page.getByRole("form", { name: "New record" });
    await form.getByLabel("name", { exact: true }).fill(name);
    await form.getByLabel("telephone1", { exact: true }).fill("+1 555 0142");
    await form.getByRole("button", { name: "Create record" }).click();
    await expect(page.getByRole("form", { name: "Record" }).getByLabel("name", { exact: true })).toHaveValue(name);
    await page.getByLabel("Search Account").fill(name);
    await page.keyboard.press("Enter");
    const row = page.getByRole("table", { name: "Account records" }).getByRole("row").filter({ hasText: name });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Ada Admin");
    await page.goto("/audit");
    await expect(
      page.getByRole("row").filter({ hasText: "sandbox.record.create" }).filter({ hasText: "crm.accounts" }).first(),
    ).toBeVisible();
  });

  test("should explain what is wrong and keep the value when a change is invalid", async ({ page }) => {
    await page.goto("/sandbox/crm?entity=accounts&q=adatum");
    await page.getByRole("link", { name: "Adatum Corporation" }).click();
    const form = page.getByRole("form", { name: "Record" });
    await form.getByLabel("accountnumber", { exact: true }).fill("x".repeat(25));
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByRole("alert")).toContainText("exceeded the maximum allowed length of '20'");
  });
});

test.describe("sandbox pages as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("should show records read-only when a viewer opens one", async ({ page }) => {
    await page.goto("/sandbox/crm?entity=accounts");
    await page.getByRole("link", { name: "Coho Winery" }).click();
    const form = page.getByRole("form", { name: "Record" });
    await expect(form.getByText("Viewers can read the sandboxes")).toBeVisible();
    await expect(form.getByLabel("name", { exact: true })).toBeDisabled();
    await expect(form.getByRole("button", { name: "Save changes" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "New record" })).toHaveCount(0);
  });
});
