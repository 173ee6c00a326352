import { describe, expect, it } from "vitest";
import { clientIp, normaliseAddress, trustedProxyCount } from "./client-ip";

const withForwardedFor = (...values: string[]) => {
  const headers = new Headers();
  for (const value of values) headers.append("x-forwarded-for", value);
  return headers;
};

describe("clientIp", () => {
  it.each([
    // No trusted proxy: X-Forwarded-For is client-chosen (or Next's own copy of the socket), so nothing is believed.
    [0, [], null],
    [0, ["198.51.100.7"], null],
    [0, ["6.6.6.6, 198.51.100.7"], null],
    // One proxy: it appended the socket address it saw, the last entry.
    [1, ["198.51.100.7"], "198.51.100.7"],
    [1, ["6.6.6.6, 198.51.100.7"], "198.51.100.7"],
    [1, ["6.6.6.6, 7.7.7.7, 198.51.100.7"], "198.51.100.7"],
    [1, ["6.6.6.6", "198.51.100.7"], "198.51.100.7"],
    [1, [], null],
    [1, ["not-an-address"], null],
    [1, ["6.6.6.6, unknown"], null],
    // Two proxies: the outer one appended the client, the inner one the outer proxy.
    [2, ["198.51.100.7, 10.0.0.2"], "198.51.100.7"],
    [2, ["6.6.6.6, 198.51.100.7, 10.0.0.2"], "198.51.100.7"],
    [2, ["6.6.6.6, 5.5.5.5, 198.51.100.7, 10.0.0.2"], "198.51.100.7"],
    [2, ["10.0.0.2"], null],
    [2, ["2001:DB8::7, 10.0.0.2"], "2001:db8::7"],
  ] as const)("should trust %i proxies of X-Forwarded-For %j to name %j", (proxies, values, expected) => {
    expect(clientIp(withForwardedFor(...values), proxies)).toBe(expected);
  });

  it("should ignore X-Real-IP when no trusted proxy is configured", () => {
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.7" }), 0)).toBeNull();
  });
});

describe("normaliseAddress", () => {
  it.each([
    ["198.51.100.7", "198.51.100.7"],
    ["198.51.100.7:51234", "198.51.100.7"],
    ["[2001:db8::1]:443", "2001:db8::1"],
    ["::FFFF:198.51.100.7", "198.51.100.7"],
    ["::1", "::1"],
    ["999.1.1.1", null],
    ["evil.example", null],
    ["", null],
  ])("should turn %j into %j", (input, expected) => {
    expect(normaliseAddress(input)).toBe(expected);
  });
});

describe("trustedProxyCount", () => {
  it.each([
    [undefined, 0],
    ["", 0],
    ["0", 0],
    ["1", 1],
    [" 2 ", 2],
  ])("should read TRUSTED_PROXIES=%j as %i", (value, expected) => {
    expect(trustedProxyCount({ TRUSTED_PROXIES: value })).toBe(expected);
  });

  it.each(["-1", "1.5", "many", "11"])("should refuse TRUSTED_PROXIES=%j with a configuration error", (value) => {
    expect(() => trustedProxyCount({ TRUSTED_PROXIES: value })).toThrow(
      expect.objectContaining({ code: "CONFIGURATION" }),
    );
  });
});
