import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./capture-cli";

describe("tandem sandbox", () => {
  let dir: string;
  const saved = { ...process.env };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-sandbox-cli-"));
    process.env.PGLITE_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("should load the demo company once and then scale customers up to the count asked", async () => {
    const first = await runCli("sandbox", "seed", "--customers", "1500");
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/ERP: .*customers 8/);
    expect(first.out).toMatch(/CRM: .*accounts 10/);
    expect(first.out).toMatch(/Generated 1500 customers and 1500 accounts/);
    const again = await runCli("sandbox", "seed", "--customers", "1500");
    expect(again.out).toMatch(/Generated 0 customers and 0 accounts/);
  });

  it("should restore the demo company when reset", async () => {
    const reset = await runCli("sandbox", "reset");
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/ERP: .*customers 8/);
    expect(reset.out).toMatch(/Sandboxes reset to the demo company/);
  });

  it.each([
    ["a count that is not a number", ["sandbox", "seed", "--customers", "lots"], /--customers must be a whole number/],
    ["an unknown system", ["sandbox", "configure", "mrp", "{}"], /The sandbox is erp or crm/],
    ["a setting that cannot be tuned", ["sandbox", "configure", "crm", '{"clients":[]}'], /Unrecognized key/],
    [
      "a fault rate over 1",
      ["sandbox", "configure", "crm", '{"faults":{"throttleRate":2}}'],
      /Too big: expected number to be <=1/,
    ],
  ])("should refuse %s with exit code 2", async (_label, args, message) => {
    const result = await runCli(...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
  });

  it("should store fault settings for a sandbox", async () => {
    const result = await runCli(
      "sandbox",
      "configure",
      "crm",
      '{"faults":{"throttleRate":0.25,"retryAfterSeconds":2}}',
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain('"throttleRate":0.25');
  });
});
