import { describe, expect, it } from "vitest";
import { demoAccountsAllowed, demoExposure, isLoopbackHost, judgeDemoAccounts } from "./demo-exposure";

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.1.2.3", "localhost", "LOCALHOST", "::1", "[::1]", "::ffff:127.0.0.1", " 127.0.0.1 "])(
    "should count %s as loopback when it names this machine only",
    (host) => expect(isLoopbackHost(host)).toBe(true),
  );

  it.each(["0.0.0.0", "::", "[::]", "192.168.1.20", "10.0.0.1", "128.0.0.1", "127.0.0.256", "tandem.example.com", ""])(
    "should count %s as beyond loopback when the network may reach it",
    (host) => expect(isLoopbackHost(host)).toBe(false),
  );
});

describe("demoExposure", () => {
  it("should treat the demo accounts as local when the server listens on loopback or no server listens", () => {
    expect(demoExposure({ TANDEM_LISTEN_HOST: "127.0.0.1" })).toEqual({ kind: "local" });
    expect(demoExposure({ TANDEM_LISTEN_HOST: "localhost", TANDEM_DEMO: "1" })).toEqual({ kind: "local" });
    expect(demoExposure({})).toEqual({ kind: "local" });
    expect(demoAccountsAllowed({})).toBe(true);
  });

  it("should refuse demo accounts when the server listens beyond loopback without TANDEM_DEMO=1", () => {
    expect(demoExposure({ TANDEM_LISTEN_HOST: "0.0.0.0" })).toEqual({ kind: "network", host: "0.0.0.0" });
    expect(demoExposure({ TANDEM_LISTEN_HOST: "::", TANDEM_DEMO: "yes" })).toEqual({ kind: "network", host: "::" });
    expect(demoAccountsAllowed({ TANDEM_LISTEN_HOST: "0.0.0.0" })).toBe(false);
  });

  it("should keep demo accounts with a warning when the server listens beyond loopback with TANDEM_DEMO=1", () => {
    const env = { TANDEM_LISTEN_HOST: "192.168.1.20", TANDEM_DEMO: "1" };
    expect(demoExposure(env)).toEqual({ kind: "network-demo", host: "192.168.1.20" });
    expect(demoAccountsAllowed(env)).toBe(true);
  });
});

describe("judgeDemoAccounts", () => {
  const usable = ["admin@tandem.local", "viewer@tandem.local"];

  it("should let the start go on quietly when the server listens on loopback, whatever accounts exist", () => {
    expect(judgeDemoAccounts({ kind: "local" }, usable)).toEqual({ ok: true });
  });

  it("should refuse the start, naming the accounts and the fixes, when demo passwords are usable on the network", () => {
    const verdict = judgeDemoAccounts({ kind: "network", host: "0.0.0.0" }, usable);
    expect(verdict).toHaveProperty("refuse");
    const message = (verdict as { refuse: string }).refuse;
    expect(message).toContain("0.0.0.0");
    expect(message).toContain("admin@tandem.local, viewer@tandem.local");
    expect(message).toContain("TANDEM_DEMO=1");
    expect(message).toContain("ADMIN_EMAIL");
  });

  it("should start when the server listens on the network and no demo account is usable", () => {
    expect(judgeDemoAccounts({ kind: "network", host: "0.0.0.0" }, [])).toEqual({ ok: true });
  });

  it("should warn on every start when TANDEM_DEMO=1 keeps the demo accounts on the network", () => {
    const verdict = judgeDemoAccounts({ kind: "network-demo", host: "0.0.0.0" }, usable);
    expect((verdict as { warn: string }).warn).toMatch(/^WARNING: listening on 0\.0\.0\.0 with TANDEM_DEMO=1/);
    expect((verdict as { warn: string }).warn).toContain("admin@tandem.local, viewer@tandem.local");
    expect(judgeDemoAccounts({ kind: "network-demo", host: "0.0.0.0" }, [])).toHaveProperty("warn");
  });
});
