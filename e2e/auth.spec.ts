import { expect, request as playwrightRequest, test } from "@playwright/test";
import { builtServerActions, callServerAction } from "./support/server-actions";
import { demoAccount, storageStatePath } from "./support/accounts";
import { signInThroughForm } from "./support/sign-in";

const nav = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Main" });

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

  test("should end the session when the user signs out", async ({ page }) => {
    const viewer = demoAccount("viewer");
    await page.goto("/login");
    await signInThroughForm(page, viewer.email, viewer.password);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
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
  // A fresh account keeps the demo accounts usable: the limit counts failures per e-mail.
  const email = `locked-${Date.now().toString(36)}@example.test`;
  const admin = await playwrightRequest.newContext({ baseURL, storageState: storageStatePath("admin") });
  const create = builtServerActions().find((a) => a.exportedName === "createUserAction")!;
  expect((await callServerAction(admin, create, [{ email, role: "viewer", password: "the-right-password" }])).ok).toBe(
    true,
  );
  await admin.dispose();

  await page.goto("/login");
  for (let attempt = 0; attempt < 5; attempt++) {
    await signInThroughForm(page, email, `wrong-password-${attempt}`);
    await expect(page.getByRole("alert").filter({ hasText: "Wrong e-mail or password" })).toBeVisible();
  }
  await signInThroughForm(page, email, "the-right-password");
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-ins" })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  // Other accounts are not affected.
  const consultant = demoAccount("consultant");
  await signInThroughForm(page, consultant.email, consultant.password);
  await expect(page.getByRole("heading", { name: `Welcome, ${consultant.name}` })).toBeVisible();
});
