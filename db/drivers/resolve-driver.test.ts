import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveDriver } from "./resolve-driver";

describe("resolveDriver", () => {
  it.each([
    ["no DATABASE_URL", {}, "pglite"],
    ["a local Postgres URL", { DATABASE_URL: "postgres://postgres@127.0.0.1:5432/tandem" }, "postgres"],
    ["a postgresql:// URL", { DATABASE_URL: "postgresql://u:p@db.internal/tandem?sslmode=require" }, "postgres"],
    ["a Neon URL", { DATABASE_URL: "postgres://u:p@ep-cool-name-123.eu-central-1.aws.neon.tech/neondb" }, "neon"],
    [
      "DB_DRIVER=neon with a local URL",
      { DATABASE_URL: "postgres://postgres@127.0.0.1/test", DB_DRIVER: "neon" },
      "neon",
    ],
    [
      "DB_DRIVER=pglite with a URL",
      { DATABASE_URL: "postgres://postgres@127.0.0.1/test", DB_DRIVER: "pglite" },
      "pglite",
    ],
  ])("should pick the driver for %s", (_label, env, driver) => {
    expect(resolveDriver(env).driver).toBe(driver);
  });

  it("should put the embedded database in ./.data when PGLITE_DIR is not set", () => {
    expect(resolveDriver({ TANDEM_ROOT: "/srv/tandem" })).toEqual({
      driver: "pglite",
      dataDir: path.resolve("/srv/tandem/.data"),
    });
    expect(resolveDriver({ TANDEM_ROOT: "/srv/tandem", PGLITE_DIR: "/var/lib/tandem" })).toEqual({
      driver: "pglite",
      dataDir: "/var/lib/tandem",
    });
    expect(resolveDriver({ TANDEM_ROOT: "/srv/tandem", PGLITE_DIR: "" })).toEqual({
      driver: "pglite",
      dataDir: path.resolve("/srv/tandem/.data"),
    });
  });

  it("should explain the problem when DATABASE_URL is malformed or DB_DRIVER unknown", () => {
    expect(() => resolveDriver({ DATABASE_URL: "not a url" })).toThrow(/not a valid URL/);
    expect(() => resolveDriver({ DB_DRIVER: "mysql" })).toThrow(/pglite, postgres or neon/);
  });
});
