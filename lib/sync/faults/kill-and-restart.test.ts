import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { couplings, syncJobErrors } from "@/db/schema";
import { availableDrivers, createTestDatabase, type TestDatabase } from "@/db/test/test-database";
import { configureExternalEngine } from "../test/external-engine";
import { compileMappings, startSyncHarness, type SyncHarness } from "../test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";

const TRIALS = 20;
const ERP_RECORDS = 1200;
const CRM_RECORDS = 400;

/** A deterministic sequence, so a failing trial can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

/** `tandem sync --mapping CUSTOMER` in its own process; killed with SIGKILL after `killAfterMs` unless it ends first. */
function syncProcess(env: Record<string, string>, killAfterMs?: number): Promise<{ code: number | null; killed: boolean; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve("lib/cli/bin.mjs"), "sync", "--mapping", "CUSTOMER"], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    let killed = false;
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => (killed = child.kill("SIGKILL")), killAfterMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, killed, output });
    });
  });
}

// The sync process and the test share a PostgreSQL database (PGlite cannot be opened by two processes).
for (const driver of availableDrivers().filter((d) => d === "postgres")) {
  describe(`a sync process killed at random points [${driver}]`, () => {
    let h: SyncHarness;
    let app: TestDatabase;
    let env: Record<string, string>;
    const expectedCity = new Map<string, string>();
    const expectedPhone = new Map<string, string>();

    beforeAll(async () => {
      const config = compileMappings([simpleCustomer({ conflicts: { update: "erp-wins", delete: "fail" } })]);
      h = await startSyncHarness(config);
      app = await createTestDatabase(driver);
      env = {
        ...(await configureExternalEngine(app.db, h.harness, config)),
        DATABASE_URL: app.queue.kind === "url" ? app.queue.url : "",
        TANDEM_LEASE_TTL_MS: "1500",
        TANDEM_PAGE_SIZE: "150",
      };
      await h.seed("erp", "customers", Array.from({ length: ERP_RECORDS }, (_, i) => ({ number: `K${i}`, displayName: `Kill Customer ${i}`, email: `k${i}@erp.test`, city: "Start", phoneNumber: "" })));
      await h.seed("crm", "accounts", Array.from({ length: CRM_RECORDS }, (_, i) => ({ name: `Kill Account ${i}`, emailaddress1: `a${i}@crm.test`, address1_city: "Start", telephone1: "0", customertypecode: 3, statecode: 0, statuscode: 1 })));
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      await app?.drop();
    });

    it(`should leave no duplicate and no lost update after ${TRIALS} kills and a restart`, async () => {
      const next = random(20261121);
      const customers = (await h.all("erp", "customers")).map((c) => c.id);
      const accounts = (await h.all("crm", "accounts")).map((a) => a.id);
      const kills: number[] = [];
      for (let trial = 0; trial < TRIALS; trial++) {
        for (let i = 0; i < 15; i++) {
          const id = customers[Math.floor(next() * customers.length)]!;
          await h.edit("erp", "customers", id, { city: `City ${trial}-${i}` });
          expectedCity.set(id, `City ${trial}-${i}`);
        }
        for (let i = 0; i < 10; i++) {
          const id = accounts[Math.floor(next() * accounts.length)]!;
          await h.edit("crm", "accounts", id, { telephone1: `+1 555 ${trial}${i}` });
          expectedPhone.set(id, `+1 555 ${trial}${i}`);
        }
        const delay = 400 + Math.floor(next() * 4000);
        const result = await syncProcess(env, delay);
        if (result.killed) kills.push(delay);
      }
      expect(kills.length, "most trials must actually be killed mid-way").toBeGreaterThanOrEqual(TRIALS / 2);
      for (let run = 0; run < 2; run++) {
        const final = await syncProcess(env);
        expect(final.code, final.output).toBe(0);
      }

      const erp = await h.all("erp", "customers");
      const crm = await h.all("crm", "accounts");
      expect(erp).toHaveLength(ERP_RECORDS + CRM_RECORDS);
      expect(crm).toHaveLength(ERP_RECORDS + CRM_RECORDS);
      expect(new Set(erp.map((c) => c.data.displayName)).size).toBe(erp.length);
      expect(new Set(crm.map((a) => a.data.name)).size).toBe(crm.length);

      const rows = await app.db.select().from(couplings).where(eq(couplings.mappingName, "CUSTOMER"));
      expect(rows).toHaveLength(ERP_RECORDS + CRM_RECORDS);
      const erpById = new Map(erp.map((c) => [c.id, c]));
      const crmById = new Map(crm.map((a) => [a.id, a]));
      for (const row of rows) {
        const customer = erpById.get(row.erpId);
        const account = crmById.get(row.crmId);
        expect(customer && account, `coupling ${row.erpId} ↔ ${row.crmId}`).toBeTruthy();
        expect(account!.data.name).toBe(customer!.data.displayName);
        expect(account!.data.address1_city).toBe(customer!.data.city);
        if (expectedCity.has(row.erpId)) expect(customer!.data.city).toBe(expectedCity.get(row.erpId));
        if (expectedPhone.has(row.crmId) && customer!.data.phoneNumber !== expectedPhone.get(row.crmId)) {
          const errors = await app.db.select().from(syncJobErrors).where(eq(syncJobErrors.sourceId, row.crmId));
          expect.fail(`lost phone on ${row.crmId}: ${JSON.stringify({ row, account: account!.data, accountAt: account!.modifiedAt, customerAt: customer!.modifiedAt, errors: errors.map((e) => [e.code, e.message]) })}`);
        }
      }
    }, 600_000);
  });
}
