import { expect, request as playwrightRequest, test } from "@playwright/test";
import { builtServerActions, callServerAction } from "./support/server-actions";
import { demoAccount, storageStatePath } from "./support/accounts";
import { signInThroughForm } from "./support/sign-in";

const nav = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Main" });

/** A fresh viewer made by the admin: signing out ends every session of the user, so never sign out a demo account. */
async function freshViewer(baseURL: string | undefined, prefix: string) {
  const email = `${prefix}-${Date.now().toString(36)}@example.test`;
  const password = "the-right-password";
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStatePath("admin") });
  const create = builtServerActions().find((a) => a.exportedName === "createUserAction")!;
  expect((await callServerAction(admin, create, [{ email, role: "viewer", password }])).ok).toBe(true);
  await admin.dispose();
  return { email, password };
}

test.describe("signing in", () => {
  test("should show every section and the role in the header when the admin signs in", async ({ page }) => {
    const admin = demoAccount("admin");
    await page.goto("/");
    await expect(page).toHaveURL(/\/login$/);
    await signInThroughForm(page, admin.email, admin.password);
    await expect(page.getByRole("heading", { name: `Welcome, ${admin.name}` })).toBeVisible();
    const header = page.getByTestId("signed-in-user");
    await expect(header).toContainText(admin.email);
    await expect(header.getByLabel("Role: Admin")).toBeVisible();
    for (const item of ["Overview", "Users", "Audit log"])
      await expect(nav(page).getByRole("link", { name: item })).toBeVisible();
  });

  for (const role of ["consultant", "viewer"] as const) {
    test(`should hide the admin pages when the ${role} signs in`, async ({ page }) => {
      const account = demoAccount(role);
      await page.goto("/login");
      await signInThroughForm(page, account.email, account.password);
      await expect(page.getByRole("heading", { name: `Welcome, ${account.name}` })).toBeVisible();
      await expect(
        page.getByTestId("signed-in-user").getByLabel(`Role: ${role[0]!.toUpperCase()}${role.slice(1)}`),
      ).toBeVisible();
      await expect(nav(page).getByRole("link", { name: "Overview" })).toBeVisible();
      await expect(nav(page).getByRole("link", { name: "Users" })).toHaveCount(0);
      await expect(nav(page).getByRole("link", { name: "Audit log" })).toHaveCount(0);
      // The overview shows no user counts to non-admins.
      await expect(page.getByText("Active users")).toHaveCount(0);
    });
  }

  test("should show a clear error and stay on the login page when the password is wrong", async ({ page }) => {
    await page.goto("/login");
    await signInThroughForm(page, demoAccount("consultant").email, "not-the-password");
    await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password" })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("should say what is wrong when the e-mail is malformed", async ({ page }) => {
    await page.goto("/login");
    await signInThroughForm(page, "not-an-email", "whatever-password");
    await expect(page.getByRole("alert").filter({ hasText: "Enter a valid e-mail address" })).toBeVisible();
  });

  test("should return to the page asked for when a signed-out visitor signs in", async ({ page }) => {
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faudit/);
    const admin = demoAccount("admin");
    await signInThroughForm(page, admin.email, admin.password);
    await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  });
});

test.describe("as the viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("should refuse the Users page with 403 when a viewer opens it", async ({ page }) => {
    const response = await page.goto("/users");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" })).toHaveCount(0);
  });
});

test.describe("as the consultant", () => {
  test.use({ storageState: storageStatePath("consultant") });

  test("should refuse the audit log with 403 when a consultant opens it", async ({ page }) => {
    const response = await page.goto("/audit");
    expect(response?.status()).toBe(403);
  });
});

test("should refuse even the right password when too many sign-ins failed for that account", async ({
  page,
  baseURL,
}) => {
  // A fresh account keeps the demo accounts usable: the delays count failures per e-mail.
  const { email } = await freshViewer(baseURL, "locked");

  await page.goto("/login");
  for (let attempt = 0; attempt < 5; attempt++) {
    await signInThroughForm(page, email, `wrong-password-${attempt}`);
    await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password" })).toBeVisible();
  }
  // The sixth attempt waits 15 seconds after the fifth failure, even with the right password.
  await signInThroughForm(page, email, "the-right-password");
  await expect(
    page.getByRole("alert").filter({ hasText: /Too many failed sign-ins\. Wait \d+ seconds/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  // Other accounts are not affected.
  const consultant = demoAccount("consultant");
  await signInThroughForm(page, consultant.email, consultant.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${consultant.name}` })).toBeVisible();
});

test("should refuse a copied session cookie for pages, actions and the session endpoint once the user signed out", async ({
  page,
  browser,
  baseURL,
}) => {
  const viewer = await freshViewer(baseURL, "copied");
  await page.goto("/login");
  await signInThroughForm(page, viewer.email, viewer.password);
  await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
  const copied = { cookies: await page.context().cookies(), origins: [] };
  const listVersions = builtServerActions().find((a) => a.exportedName === "listVersionsAction")!;

  // Before sign-out the copy works like the original.
  const thief = await browser.newContext({ storageState: copied });
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/");
  await expect(thiefPage.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
  const before = await playwrightRequest.newContext({ baseURL, storageState: copied });
  expect((await callServerAction(before, listVersions, [{}])).ok).toBe(true);
  await before.dispose();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);

  // The copy still passes proxy.ts (its signature is fine); the server refuses it on every request.
  await thiefPage.goto("/");
  await expect(thiefPage).toHaveURL(/\/login/);
  await expect(thiefPage.getByRole("heading", { name: /^Welcome/ })).toHaveCount(0);
  const after = await playwrightRequest.newContext({ baseURL, storageState: copied });
  expect((await callServerAction(after, listVersions, [{}])).code).toBe("UNAUTHENTICATED");
  expect(await (await after.get("/api/auth/session")).json()).toBeNull();
  await after.dispose();
  await thief.close();

  // Signing in again opens a new session as usual.
  await signInThroughForm(page, viewer.email, viewer.password);
  await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
});
