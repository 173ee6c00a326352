import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./capture-cli";

const run = runCli;

describe("tandem CLI", () => {
  let dir: string;
  const saved = { ...process.env };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "tandem-cli-"));
    process.env.PGLITE_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterAll(() => {
    process.env = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("should create a user and print a generated password when no password is given", async () => {
    const created = await run("users", "create", "--email", "Cli.User@Example.test", "--role", "consultant");
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Created consultant cli\.user@example\.test/);
    expect(created.out).toMatch(/Password \(shown once\): \S{20}/);
    const listed = await run("users", "list");
    expect(listed.out).toContain("cli.user@example.test\tconsultant");
  });

  it.each([
    [
      "an unknown role",
      ["--email", "a@example.test", "--role", "superuser", "--password", "long-enough-pw"],
      /Role must be one of/,
    ],
    ["a malformed e-mail", ["--email", "nope", "--role", "viewer", "--password", "long-enough-pw"], /valid e-mail/],
    ["an empty password", ["--email", "b@example.test", "--role", "viewer", "--password", ""], /Password is required/],
  ])("should exit 2 with a clear message and create nothing when given %s", async (_label, args, message) => {
    const before = (await run("users", "list")).out;
    const result = await run("users", "create", ...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/error \[VALIDATION_FAILED\]/);
    expect(result.err).toMatch(message);
    expect((await run("users", "list")).out).toBe(before);
  });

  it("should exit 2 and show usage when a required option is missing", async () => {
    const result = await run("users", "create", "--email", "c@example.test");
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/required option '--role <role>' not specified/);
  });

  it("should apply migrations and name the driver when asked to migrate", async () => {
    const result = await run("db", "migrate");
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Migrations from .*db\/migrations applied \(pglite\)/);
  });

  it("should list its commands when run through the package bin with --help", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [path.resolve("lib/cli/bin.mjs"), "--help"], {
      env: { ...process.env, PGLITE_DIR: dir },
    });
    expect(stdout).toMatch(/Usage: tandem/);
    expect(stdout).toMatch(/users\s+Manage who may sign in/);
    expect(stdout).toMatch(/db\s+Database maintenance/);
  });
});
