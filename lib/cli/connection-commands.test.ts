import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "@/db/test/test-database";
import { seedSandboxIfEmpty } from "@/lib/sandbox/seed-sandbox";
import { BC_COMPANY } from "@/lib/sandbox/business-central/bc-service";
import { SandboxRuntime } from "@/lib/sandbox/sandbox-runtime";
import { DEMO_CLIENT } from "@/lib/sandbox/sandbox-settings";
import { serveSandbox, type ServedSandbox } from "@/lib/sandbox/serve-sandbox";
import { runCli } from "./capture-cli";

/** `tandem connections` against the app's own sandboxes served over HTTP on another embedded database. */
describe("tandem connections", () => {
  let dir: string;
  let served: ServedSandbox;
  let closeSandboxDb: () => Promise<void>;
  const saved = { ...process.env };
  const token = () => `${served.origin}/sandbox/auth/cli/oauth2/v2.0/token`;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-connections-cli-"));
    const tenant = await createTestDatabase("pglite");
    await seedSandboxIfEmpty(tenant.db);
    closeSandboxDb = () => tenant.drop();
    served = await serveSandbox(new SandboxRuntime({ db: tenant.db }));
    process.env.PGLITE_DIR = dir;
    process.env.TANDEM_CLIENT_SECRET = DEMO_CLIENT.clientSecret;
    delete process.env.DATABASE_URL;
  }, 60_000);
  afterAll(async () => {
    process.env = saved;
    await served?.close();
    await closeSandboxDb?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("should list the companies and save nothing when a Business Central connection names no company", async () => {
    const result = await runCli(
      "connections",
      "add",
      "erp",
      "--api-url",
      `${served.origin}/sandbox/erp/api`,
      "--token-url",
      token(),
      "--client-id",
      DEMO_CLIENT.clientId,
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain(`company ${BC_COMPANY.id}`);
    expect(result.err).toMatch(/nothing was saved/);
    expect((await runCli("connections", "list")).out).not.toMatch(/real/);
  });

  it("should test, save and activate both connections, then test and list them when added headless", async () => {
    const erp = await runCli(
      "connections",
      "add",
      "erp",
      "--api-url",
      `${served.origin}/sandbox/erp/api`,
      "--token-url",
      token(),
      "--client-id",
      DEMO_CLIENT.clientId,
      "--company",
      BC_COMPANY.id,
    );
    expect(erp.code).toBe(0);
    expect(erp.out).toMatch(/✓ Company: /);
    const crm = await runCli(
      "connections",
      "add",
      "crm",
      "--environment-url",
      `${served.origin}/sandbox/crm`,
      "--token-url",
      token(),
      "--client-id",
      DEMO_CLIENT.clientId,
      "--json",
    );
    expect(crm.code).toBe(0);
    const id = (JSON.parse(crm.out) as { saved: { connection: { id: string } } }).saved.connection.id;
    const tested = await runCli("connections", "test", id);
    expect(tested.code).toBe(0);
    expect(tested.out).toMatch(/✓ Integration user: Tandem Integration is an enabled application user/);
    const listed = await runCli("connections", "list");
    expect(listed.out).toMatch(/\terp\treal\tactive\t.*secret set/);
    expect(listed.out).toMatch(/\tcrm\treal\tactive\t/);
    expect(listed.out).not.toContain(DEMO_CLIENT.clientSecret);
  }, 60_000);

  it("should refuse plain http to a remote host with exit code 2", async () => {
    const result = await runCli(
      "connections",
      "add",
      "crm",
      "--environment-url",
      "http://contoso.crm.dynamics.com",
      "--tenant",
      "contoso.onmicrosoft.com",
      "--client-id",
      "x",
    );
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/environmentUrl: must use https/);
  });
});
