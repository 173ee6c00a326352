import { describe, expect, it } from "vitest";
import { requestOrigin } from "./request-origin";

const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe("requestOrigin", () => {
  it("should use the Host header when the request URL names another host", () => {
    expect(requestOrigin(request("http://localhost:3100/sandbox/crm", { host: "127.0.0.1:3100" }))).toBe(
      "http://127.0.0.1:3100",
    );
  });

  it("should use the request URL when there is no Host header", () => {
    expect(requestOrigin(request("http://sandbox.test/sandbox/crm"))).toBe("http://sandbox.test");
  });

  it("should prefer the first X-Forwarded-Host and X-Forwarded-Proto when a proxy sets them", () => {
    const forwarded = request("http://localhost:3100/x", {
      host: "10.0.0.5:3100",
      "x-forwarded-host": "tandem.example.com, proxy.internal",
      "x-forwarded-proto": "https, http",
    });
    expect(requestOrigin(forwarded)).toBe("https://tandem.example.com");
  });

  it("should keep the request's scheme when X-Forwarded-Proto is neither http nor https", () => {
    expect(requestOrigin(request("http://localhost/x", { host: "a.example", "x-forwarded-proto": "gopher" }))).toBe(
      "http://a.example",
    );
  });

  it("should keep a bracketed IPv6 host and its port", () => {
    expect(requestOrigin(request("http://localhost/x", { host: "[::1]:3100" }))).toBe("http://[::1]:3100");
  });

  it("should ignore a forwarded host that is not a plain host when it could inject a path or credentials", () => {
    for (const bad of ["evil.example/path", "user@evil.example", "evil.example:port", "a b"]) {
      expect(
        requestOrigin(request("http://localhost:3100/x", { host: "127.0.0.1:3100", "x-forwarded-host": bad })),
      ).toBe("http://127.0.0.1:3100");
    }
  });
});
