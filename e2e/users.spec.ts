import { expect, test, type Page } from "@playwright/test";
import { storageStatePath } from "./support/accounts";
import { signInThroughForm } from "./support/sign-in";

test.use({ storageState: storageStatePath("admin") });

const uniqueEmail = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@example.test`;

async function fillNewUser(page: Page, values: { email: string; name?: string; role?: string; password: string }) {
  const form = page.getByRole("form", { name: "Add a user" });
  await form.getByLabel("E-mail").fill(values.email);
  await form.getByLabel("Name").fill(values.name ?? "");
  await form.getByLabel("Role").selectOption(values.role ?? "viewer");
  await form.getByLabel("Password").fill(values.password);
  await form.getByRole("button", { name: "Create user" }).click();
  return form;
}

test("should list the new user and leave an audit row when an admin creates a user", async ({ page }) => {
  const email = uniqueEmail("created");
  await page.goto("/users");
  const form = await fillNewUser(page, {
    email,
    name: "Created Person",
    role: "consultant",
    password: "a-long-password",
  });
  await expect(form.getByRole("status")).toHaveText(`Created ${email}.`);
  const row = page.getByTestId(`user-row-${email}`);
  await expect(row).toContainText("Created Person");
  await expect(row.getByLabel(`Role of ${email}`)).toHaveValue("consultant");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  const entry = page.getByRole("row").filter({ hasText: "user.create" }).filter({ hasText: email });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText("admin@tandem.local");
});

for (const [label, values, message] of [
  ["the e-mail is malformed", { email: "not-an-email", password: "a-long-password" }, "Enter a valid e-mail address"],
  ["the password is empty", { email: uniqueEmail("nopassword"), password: "" }, "Password is required"],
] as const) {
  test(`should show a clear message and create nothing when ${label}`, async ({ page }) => {
    await page.goto("/users");
    const form = await fillNewUser(page, values);
    await expect(form.getByRole("alert")).toContainText(message);
    await page.reload();
    // Other tests add users in parallel: look for this one, not at the count.
    await expect(page.getByRole("table", { name: "Users" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Users" }).getByText(values.email, { exact: true })).toHaveCount(0);
  });
}

test("should lock a disabled user out and let them back in when re-enabled", async ({ page, browser }) => {
  const email = uniqueEmail("toggle");
  await page.goto("/users");
  await fillNewUser(page, { email, role: "viewer", password: "a-long-password" });
  const row = page.getByTestId(`user-row-${email}`);
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(row).toContainText("Disabled");

  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const visitorPage = await visitor.newPage();
  await visitorPage.goto("/login");
  await signInThroughForm(visitorPage, email, "a-long-password");
  await expect(visitorPage.getByRole("alert").filter({ hasText: "Wrong e-mail or password" })).toBeVisible();

  await row.getByRole("button", { name: "Enable" }).click();
  await expect(row).toContainText("Active");
  await signInThroughForm(visitorPage, email, "a-long-password");
  await expect(visitorPage.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
  await visitor.close();
});

test("should change a user's role and record it when an admin picks another role", async ({ page }) => {
  const email = uniqueEmail("promote");
  await page.goto("/users");
  await fillNewUser(page, { email, role: "viewer", password: "a-long-password" });
  await page.getByLabel(`Role of ${email}`).selectOption("consultant");
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("consultant");
  await page.reload();
  await expect(page.getByLabel(`Role of ${email}`)).toHaveValue("consultant");
  await page.goto("/audit");
  await expect(
    page.getByRole("row").filter({ hasText: "user.change-role" }).filter({ hasText: '"to":"consultant"' }),
  ).toHaveCount(1);
});

test("should refuse to let the admin demote the last admin", async ({ page }) => {
  await page.goto("/users");
  await page.getByLabel("Role of admin@tandem.local").selectOption("viewer");
  await expect(page.getByRole("alert").filter({ hasText: "last active admin" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Role of admin@tandem.local")).toHaveValue("admin");
});
