import type { ChildProcess } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { couplings, syncJobErrors } from "@/db/schema";
import { availableDrivers, createTestDatabase, type TestDatabase } from "@/db/test/test-database";
import type { Side } from "@/lib/mapping/model/direction";
import { configureExternalEngine } from "@/lib/integration/test/external-engine";
import { compileMappings, startSyncHarness, type SyncHarness } from "@/lib/integration/test/sync-harness";
import { simpleCustomer } from "../test/simple-mappings";
import { cpuLoad, createsOf, describeKill, killPlan, random, syncProcess, type Trial } from "./kill-trials";

const ERP_START = 600;
const CRM_START = 200;
// New records every trial, so every trial has creates to make on both sides.
const ERP_PER_TRIAL = 40;
const CRM_PER_TRIAL = 20;

// The sync process and the test share a PostgreSQL database (PGlite cannot be opened by two processes).
for (const driver of availableDrivers().filter((d) => d === "postgres")) {
  describe(`a sync process killed at every write boundary and at random [${driver}]`, () => {
    let h: SyncHarness;
    let app: TestDatabase;
    let env: Record<string, string>;
    // The "sent" kills: the service receives the creates, the client dies, the service writes them anyway.
    let armed: { side: Side; lateMs: number; child: ChildProcess; fired: boolean } | null = null;
    const seeded = { erp: 0, crm: 0 };
    const expectedCity = new Map<string, string>();
    const expectedPhone = new Map<string, string>();

    const seed = async (erp: number, crm: number) => {
      await h.seed(
        "erp",
        "customers",
        Array.from({ length: erp }, (_, i) => ({
          displayName: `Kill Customer ${seeded.erp + i}`,
          email: `k${seeded.erp + i}@erp.test`,
          city: "Start",
          phoneNumber: "",
        })),
      );
      await h.seed(
        "crm",
        "accounts",
        Array.from({ length: crm }, (_, i) => ({
          name: `Kill Account ${seeded.crm + i}`,
          emailaddress1: `a${seeded.crm + i}@crm.test`,
          address1_city: "Start",
          telephone1: "0",
          customertypecode: 3,
          statecode: 0,
          statuscode: 1,
        })),
      );
      seeded.erp += erp;
      seeded.crm += crm;
    };

    beforeAll(async () => {
      const config = compileMappings([simpleCustomer({ conflicts: { update: "erp-wins", delete: "fail" } })]);
      h = await startSyncHarness(config, {}, async (request) => {
        const kill = armed;
        if (!kill || kill.fired || !createsOf(kill.side, request)) return;
        kill.fired = true;
        kill.child.kill("SIGKILL");
        if (kill.lateMs) await new Promise((resolve) => setTimeout(resolve, kill.lateMs));
      });
      app = await createTestDatabase(driver);
      env = {
        ...(await configureExternalEngine(app.db, h.harness, config)),
        DATABASE_URL: app.queue.kind === "url" ? app.queue.url : "",
        TANDEM_LEASE_TTL_MS: "1500",
        TANDEM_PAGE_SIZE: "150",
      };
      await seed(ERP_START, CRM_START);
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      await app?.drop();
    });

    async function runTrial(
      trial: Trial,
      index: number,
      next: () => number,
      originals: { erp: string[]; crm: string[] },
    ): Promise<string> {
      await seed(ERP_PER_TRIAL, CRM_PER_TRIAL);
      for (let i = 0; i < 15; i++) {
        const id = originals.erp[Math.floor(next() * originals.erp.length)]!;
        await h.edit("erp", "customers", id, { city: `City ${index}-${i}` });
        expectedCity.set(id, `City ${index}-${i}`);
      }
      for (let i = 0; i < 10; i++) {
        const id = originals.crm[Math.floor(next() * originals.crm.length)]!;
        await h.edit("crm", "accounts", id, { telephone1: `+1 555 ${index}${i}` });
        expectedPhone.set(id, `+1 555 ${index}${i}`);
      }
      const { kill } = trial;
      const trialEnv = kill.kind === "engine" ? { ...env, TANDEM_CRASH_AT: `${kill.point}:${kill.side}:1` } : env;
      let timer: NodeJS.Timeout | undefined;
      const run = await syncProcess(trialEnv, (child) => {
        if (kill.kind === "sent") armed = { side: kill.side, lateMs: kill.lateMs, child, fired: false };
        if (kill.kind === "random") timer = setTimeout(() => child.kill("SIGKILL"), kill.afterMs);
      });
      clearTimeout(timer);
      const fired = kill.kind !== "sent" || armed?.fired === true;
      armed = null;
      return run.signal === "SIGKILL" && fired ? "killed" : `ended (exit ${run.code}): ${run.output.slice(-300)}`;
    }

    it("should leave no duplicate and no lost update after kills at every boundary on both sides, at random and under load, then a restart", async () => {
      const next = random(20261204);
      const originals = {
        erp: (await h.all("erp", "customers")).map((c) => c.id),
        crm: (await h.all("crm", "accounts")).map((a) => a.id),
      };
      const outcomes: string[] = [];
      for (const [index, trial] of killPlan(next).entries()) {
        const stopLoad = trial.load ? cpuLoad() : () => {};
        try {
          outcomes.push(
            `${describeKill(trial.kill)}${trial.load ? " under load" : ""}: ${await runTrial(trial, index, next, originals)}`,
          );
        } finally {
          stopLoad();
        }
      }
      // Every deterministic kill must land where it was aimed; a random one may come too late.
      expect(
        outcomes.filter((o) => !o.startsWith("random") && !o.endsWith(": killed")),
        outcomes.join("\n"),
      ).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 3000)); // the last late create lands
      for (let run = 0; run < 2; run++) {
        const final = await syncProcess(env);
        expect(final.code, final.output).toBe(0);
      }

      const erp = await h.all("erp", "customers");
      const crm = await h.all("crm", "accounts");
      const total = seeded.erp + seeded.crm;
      expect(new Set(erp.map((c) => c.data.displayName)).size, "duplicate ERP customers").toBe(erp.length);
      expect(new Set(crm.map((a) => a.data.name)).size, "duplicate CRM accounts").toBe(crm.length);
      expect(erp).toHaveLength(total);
      expect(crm).toHaveLength(total);

      const rows = await app.db.select().from(couplings).where(eq(couplings.mappingName, "CUSTOMER"));
      expect(rows).toHaveLength(total);
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
          expect.fail(
            `lost phone on ${row.crmId}: ${JSON.stringify({ row, account: account!.data, customer: customer!.data, errors: errors.map((e) => [e.code, e.message]) })}`,
          );
        }
      }
    }, 900_000);
  });
}
