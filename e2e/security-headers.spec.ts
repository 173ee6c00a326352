import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { demoAccount, storageStatePath } from "./support/accounts";
import { signInThroughForm } from "./support/sign-in";

const EVERY_RESPONSE = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

function expectSecurityHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  for (const [name, value] of Object.entries(EVERY_RESPONSE)) expect(headers[name], `${name} on ${what}`).toBe(value);
}

function policyOf(response: APIResponse, what: string): Map<string, string> {
  const header = response.headers()["content-security-policy"];
  expect(header, `CSP on ${what}`).toBeTruthy();
  return new Map(
    header!.split(";").map((part) => {
      const [name = "", ...values] = part.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

/** The nonce of the policy, after checking the page really runs under it: only nonce'd scripts, nothing inline. */
async function checkedNonce(response: APIResponse, what: string): Promise<string> {
  const policy = policyOf(response, what);
  expect(policy.get("frame-ancestors"), what).toBe("'none'");
  expect(policy.get("object-src"), what).toBe("'none'");
  expect(policy.get("base-uri"), what).toBe("'self'");
  expect(policy.get("form-action"), what).toBe("'self'");
  const scripts = policy.get("script-src") ?? "";
  expect(scripts, what).not.toContain("'unsafe-inline'");
  expect(scripts, `${what}: no eval in a production build`).not.toContain("'unsafe-eval'");
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scripts)?.[1];
  expect(nonce, `nonce in script-src on ${what}`).toBeTruthy();
  // Every script tag Next wrote into the page carries this response's nonce.
  const html = await response.text();
  const tags = html.match(/<script\b[^>]*>/g) ?? [];
  expect(tags.length, `scripts on ${what}`).toBeGreaterThan(0);
  for (const tag of tags) expect(tag, `script on ${what}`).toContain(`nonce="${nonce}"`);
  return nonce!;
}

test.describe("security headers, signed out", () => {
  test("should send nosniff and a referrer policy on every kind of response when anyone calls", async ({ request }) => {
    const login = await request.get("/login");
    expect(login.status()).toBe(200);
    expectSecurityHeaders(login, "the login page");
    const redirect = await request.get("/mappings", { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectSecurityHeaders(redirect, "the redirect to sign in");
    const health = await request.get("/api/health");
    expect(health.status()).toBe(200);
    expectSecurityHeaders(health, "an API route");
    const session = await request.get("/api/auth/session");
    expectSecurityHeaders(session, "an Auth.js route");
    const sandbox = await request.get("/sandbox/crm/api/data/v9.2/accounts");
    expect(sandbox.status()).toBe(401);
    expectSecurityHeaders(sandbox, "a sandbox API route");
    const token = await request.post("/sandbox/auth/tandem/oauth2/v2.0/token", { form: { grant_type: "nope" } });
    expectSecurityHeaders(token, "the sandbox token endpoint");
    for (const [api, what] of [
      [health, "an API route"],
      [session, "an Auth.js route"],
      [sandbox, "a sandbox API route"],
      [token, "the sandbox token endpoint"],
    ] as const)
      expect(api.headers()["content-security-policy"], `CSP on ${what}`).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );

    const script = /<script\b[^>]*\bsrc="(\/_next\/static\/[^"]+\.js)"/.exec(await login.text())?.[1];
    expect(script, "a static script on the login page").toBeTruthy();
    const asset = await request.get(script!);
    expect(asset.status()).toBe(200);
    expectSecurityHeaders(asset, "a static asset");
    const missingAsset = await request.get("/_next/static/chunks/no-such-chunk.js");
    expect(missingAsset.status()).toBe(404);
    expectSecurityHeaders(missingAsset, "a missing static asset");
  });

  test("should put a CSP with a fresh nonce on each page when the login page is served twice", async ({ request }) => {
    const first = await checkedNonce(await request.get("/login"), "the login page");
    const second = await checkedNonce(await request.get("/login"), "the login page again");
    expect(second).not.toBe(first);
  });

  test("should send HSTS only when the request came over https through the proxy", async ({ request }) => {
    for (const path of ["/login", "/api/health", "/sandbox/crm/api/data/v9.2/accounts"]) {
      expect((await request.get(path)).headers()["strict-transport-security"], `${path} over http`).toBeUndefined();
      const overHttps = await request.get(path, { headers: { "X-Forwarded-Proto": "https" } });
      expect(overHttps.headers()["strict-transport-security"], `${path} over https`).toBe(
        "max-age=31536000; includeSubDomains",
      );
    }
    const page = await request.get("/login", { headers: { "X-Forwarded-Proto": "https" } });
    expect(policyOf(page, "the login page over https").has("upgrade-insecure-requests")).toBe(true);
    expect(policyOf(await request.get("/login"), "the login page over http").has("upgrade-insecure-requests")).toBe(
      false,
    );
  });
});

test.describe("security headers, signed in", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("should put the CSP and its nonce on every page when an admin opens them, a 404 too", async ({ page }) => {
    const seen = new Set<string>();
    for (const path of [
      "/",
      "/designer",
      "/connections",
      "/mappings",
      "/full-sync",
      "/jobs",
      "/couplings",
      "/conflicts",
      "/users",
      "/audit",
      "/sandbox/erp",
      "/sandbox/crm",
    ]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      expectSecurityHeaders(response, path);
      seen.add(await checkedNonce(response, path));
    }
    const missing = await page.request.get("/no-such-page");
    expect(missing.status()).toBe(404);
    expectSecurityHeaders(missing, "a 404 page");
    seen.add(await checkedNonce(missing, "a 404 page"));
    expect(seen.size, "one nonce per response").toBe(13); // twelve pages and the 404
  });
});

/** Every CSP violation the page reports, from the moment each document starts. */
async function recordViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation;
      void report(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${document.location.pathname}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe("the app under its CSP", () => {
  test("should run without a CSP violation when an admin signs in and opens the dashboard, designer and jobs", async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const violations = await recordViolations(page);
    const admin = demoAccount("admin");
    await page.goto("/login");
    await signInThroughForm(page, admin.email, admin.password);
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

    await page.goto("/designer");
    // React Flow draws the canvas in the browser: scripts ran under the policy.
    await expect(page.getByTestId("designer-canvas").locator(".react-flow__node").first()).toBeVisible();
    await expect(page.getByRole("status", { name: "Draft status" })).toHaveText("All changes saved");

    await page.goto("/mappings");
    await expect(page.getByRole("table", { name: "Mappings" })).toBeVisible();
    await page.goto("/full-sync");
    await page.getByRole("button", { name: "Preview full synchronization" }).click();
    await expect(page.getByRole("table", { name: "Full synchronization preview" })).toBeVisible();

    for (const path of ["/users", "/audit", "/sandbox/erp"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
    // Client-side navigation too: a link in the header, rendered by the router with the page's nonce.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Table mappings" }).click();
    await expect(page).toHaveURL(/\/mappings$/);
    await expect(page.getByRole("table", { name: "Mappings" })).toBeVisible();
    expect(violations).toEqual([]);
  });
});
