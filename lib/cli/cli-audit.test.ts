import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/open-database";
import { auditLog, syncJobs } from "@/db/schema";
import { runCli } from "./capture-cli";

/** The audit rows and sync jobs the embedded database holds now (the CLI has closed it). */
async function stored() {
  const handle = await openDatabase();
  try {
    return {
      audit: await handle.db.select().from(auditLog).orderBy(asc(auditLog.createdAt)),
      jobs: await handle.db.select().from(syncJobs),
    };
  } finally {
    await handle.close();
  }
}

const lastAudit = async () => (await stored()).audit.at(-1);

// The sync commands run first: storing any sandbox settings currently drops the sandbox's demo client (see report).

describe("tandem's mutations through the service verbs", () => {
  let dir: string;
  const saved = { ...process.env };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-cli-audit-"));
    process.env.PGLITE_DIR = dir;
    process.env.TANDEM_ACTOR = "ana";
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("should write the audit row and run the mapping as a CLI job when tandem sync runs one mapping", async () => {
    const result = await runCli("sync", "--mapping", "CURRENCY", "--direction", "erp-to-crm");
    expect(result.code, result.err).toBe(0);
    const { audit, jobs } = await stored();
    expect(audit.at(-1)).toMatchObject({
      action: "sync.run",
      targetType: "mapping",
      targetId: "CURRENCY",
      actorLabel: "cli:ana",
      details: { direction: "erp-to-crm", full: false, overrideGuard: false, inProcess: true },
    });
    expect(jobs.filter((j) => j.mappingName === "CURRENCY").map((j) => [j.trigger, j.direction])).toEqual([
      ["cli", "erp-to-crm"],
    ]);
  });

  it("should write no audit row and no job when tandem sync only dry-runs", async () => {
    const before = await stored();
    const result = await runCli("sync", "--mapping", "CURRENCY", "--dry-run");
    expect(result.code, result.err).toBe(0);
    const after = await stored();
    expect(after.audit).toHaveLength(before.audit.length);
    expect(after.jobs).toHaveLength(before.jobs.length);
  });

  it("should write a full synchronization's audit row when tandem sync --full runs them all", async () => {
    const result = await runCli("sync", "--full");
    expect(result.code, result.err).toBe(0);
    const { audit } = await stored();
    expect(audit.filter((a) => a.action === "sync.full.start")).toEqual([
      expect.objectContaining({ targetType: "full-sync", actorLabel: "cli:ana" }),
    ]);
  }, 120_000);

  it.each([
    [
      "sandbox configure",
      ["sandbox", "configure", "crm", '{"faults":{"throttleRate":0.1}}'],
      "sandbox.configure",
      "crm",
    ],
    ["sandbox seed", ["sandbox", "seed", "--customers", "20"], "sandbox.seed", null],
    ["sandbox reset", ["sandbox", "reset"], "sandbox.reset", null],
    ["sandbox configure with {}", ["sandbox", "configure", "crm", "{}"], "sandbox.configure", "crm"],
  ])("should write an audit row naming the CLI user when %s runs", async (_what, args, action, targetId) => {
    const result = await runCli(...args);
    expect(result.code).toBe(0);
    expect(await lastAudit()).toMatchObject({ action, targetId, actorId: null, actorLabel: "cli:ana" });
  });

  it("should name the OS user when TANDEM_ACTOR is not set", async () => {
    delete process.env.TANDEM_ACTOR;
    try {
      expect((await runCli("sandbox", "configure", "erp", "{}")).code).toBe(0);
    } finally {
      process.env.TANDEM_ACTOR = "ana";
    }
    expect(await lastAudit()).toMatchObject({
      action: "sandbox.configure",
      actorLabel: `cli:${os.userInfo().username}`,
    });
  });

  it("should refuse a TANDEM_ACTOR with control characters with exit code 2 and change nothing", async () => {
    process.env.TANDEM_ACTOR = "ana\nadmin";
    const before = await stored();
    try {
      const result = await runCli("sandbox", "reset");
      expect(result.code).toBe(2);
      expect(result.err).toMatch(/TANDEM_ACTOR holds control characters/);
    } finally {
      process.env.TANDEM_ACTOR = "ana";
    }
    expect((await stored()).audit).toHaveLength(before.audit.length);
  });

  it("should keep the sandbox as it was and write no audit row when the settings are refused", async () => {
    const before = await stored();
    const result = await runCli("sandbox", "configure", "crm", '{"faults":{"throttleRate":2}}');
    expect(result.code).toBe(2);
    expect((await stored()).audit).toHaveLength(before.audit.length);
    expect(before.audit.some((a) => a.action === "sandbox.configure")).toBe(true);
  });
});
