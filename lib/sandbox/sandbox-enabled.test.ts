import { describe, expect, it } from "vitest";
import { sandboxEnabled } from "./sandbox-enabled";

const SERVER = "postgres://tandem@db.example.test:5432/tandem";

describe("sandboxEnabled", () => {
  it.each([
    ["the embedded default", {}, true],
    ["the embedded default with TANDEM_SANDBOX=0", { TANDEM_SANDBOX: "0" }, false],
    ["the embedded default with TANDEM_SANDBOX=1", { TANDEM_SANDBOX: "1" }, true],
    ["a server database", { DATABASE_URL: SERVER }, false],
    ["a server database with TANDEM_SANDBOX=1", { DATABASE_URL: SERVER, TANDEM_SANDBOX: "1" }, true],
    ["a server database with TANDEM_SANDBOX=0", { DATABASE_URL: SERVER, TANDEM_SANDBOX: "0" }, false],
    ["a server database with an unknown TANDEM_SANDBOX", { DATABASE_URL: SERVER, TANDEM_SANDBOX: "yes" }, false],
    ["an empty DATABASE_URL", { DATABASE_URL: " " }, true],
  ])("should decide the sandboxes when %s", (_label, env, expected) => {
    expect(sandboxEnabled(env)).toBe(expected);
  });
});
