import fs from "node:fs";
import { test as setup } from "@playwright/test";
import { ROLES } from "../db/schema/enums";
import { demoAccount, storageStatePath } from "./support/accounts";
import { apiSession } from "./support/sign-in";

for (const role of ROLES) {
  setup(`should keep a signed-in session when the demo ${role} signs in`, async ({ baseURL }) => {
    const account = demoAccount(role);
    const context = await apiSession(baseURL!, account.email, account.password);
    fs.mkdirSync("e2e/.auth", { recursive: true });
    await context.storageState({ path: storageStatePath(role) });
    await context.dispose();
  });
}
