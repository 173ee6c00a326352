import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import type { Role } from "../db/schema/enums";
import { rolesBelow } from "../lib/testing/endpoint-scan/access";
import {
  reviewedAccess,
  tableProblems,
  unscannedManifestEntries,
  type ReviewedTable,
  type ScannedEndpoint,
} from "../lib/testing/endpoint-scan/check-endpoints";
import { demoAccount, storageStatePath } from "./support/accounts";
import { ENDPOINT_ROLES } from "./support/endpoint-roles";
import {
  concreteUrl,
  declaredRouteHandlers,
  declaredServerActions,
  scannedActionIndex,
} from "./support/scan-endpoints";
import { builtServerActions, callServerAction, type ManifestAction } from "./support/server-actions";
import { apiSession } from "./support/sign-in";

const actions = declaredServerActions();
const routes = declaredRouteHandlers();
const reviewed: ReviewedTable = ENDPOINT_ROLES;
// Endpoints are called as the table's role, not the code's: a role lowered in code also fails by behaviour below.
function requiredAccess(endpoint: ScannedEndpoint) {
  const entry = reviewed[endpoint.key];
  return entry ? reviewedAccess(entry) : endpoint.access;
}
const REFUSED = ["UNAUTHENTICATED", "FORBIDDEN"];

test.describe.configure({ mode: "serial" });

let sessions: Record<Role | "disabled" | "anonymous" | "signingOut", () => Promise<APIRequestContext>>;
let manifest: ManifestAction[];

test.beforeAll(async ({ baseURL }) => {
  manifest = builtServerActions();
  const fromState = (role: Role) => () =>
    playwrightRequest.newContext({ baseURL, storageState: storageStatePath(role) });
  // A consultant who signed in and was then disabled: their cookie still passes proxy.ts, only the helper can refuse it.
  const email = `disabled-${Date.now().toString(36)}@example.test`;
  const admin = await fromState("admin")();
  const create = manifest.find((a) => a.exportedName === "createUserAction")!;
  const created = await callServerAction(admin, create, [{ email, role: "consultant", password: "a-long-password" }]);
  expect(created.ok, created.body).toBe(true);
  const disabledSession = await apiSession(baseURL!, email, "a-long-password");
  const disabledState = await disabledSession.storageState();
  const userId = /"id":"([0-9a-f-]{36})"/.exec(created.body)![1];
  const disable = manifest.find((a) => a.exportedName === "setUserDisabledAction")!;
  expect((await callServerAction(admin, disable, [{ userId, disabled: true }])).ok).toBe(true);
  // Signing out ends every session of that user: a throwaway viewer signs out, never a shared demo session.
  const leaver = `signing-out-${Date.now().toString(36)}@example.test`;
  const leaverCreated = await callServerAction(admin, create, [
    { email: leaver, role: "viewer", password: "a-long-password" },
  ]);
  expect(leaverCreated.ok, leaverCreated.body).toBe(true);
  const signingOutState = await (await apiSession(baseURL!, leaver, "a-long-password")).storageState();
  await Promise.all([admin.dispose(), disabledSession.dispose()]);
  sessions = {
    signingOut: () => playwrightRequest.newContext({ baseURL, storageState: signingOutState }),
    admin: fromState("admin"),
    consultant: fromState("consultant"),
    viewer: fromState("viewer"),
    disabled: () => playwrightRequest.newContext({ baseURL, storageState: disabledState }),
    anonymous: () => playwrightRequest.newContext({ baseURL }),
  };
});

test("should find every server action and route handler built with the access helpers when scanning the code", () => {
  expect(actions.length).toBeGreaterThan(0);
  expect(routes.length).toBeGreaterThan(0);
  const undeclared = [...actions, ...routes].filter((e) => !e.access).map((e) => `${e.key}: ${e.why}`);
  expect(undeclared, "use defineAction/definePublicAction and withRole/publicRoute").toEqual([]);
});

test("should declare the reviewed least role for every endpoint when the code is compared with the table", () => {
  expect(tableProblems([...actions, ...routes], reviewed), "e2e/support/endpoint-roles.ts").toEqual([]);
});

test("should have scanned every server action of the build when its manifest is read", () => {
  expect(unscannedManifestEntries(manifest, scannedActionIndex(actions)), "the scan missed these").toEqual([]);
});

async function asCaller(who: keyof typeof sessions, fn: (context: APIRequestContext) => Promise<void>) {
  const context = await sessions[who]();
  try {
    await fn(context);
  } finally {
    await context.dispose();
  }
}

for (const action of actions) {
  const required = requiredAccess(action);
  if (!required || required === "public") continue;
  const label = action.key;
  const built = () => {
    const found = manifest.find((m) => m.filename === action.file && m.exportedName === action.name);
    expect(found, `${label} is not used by any page: remove it or use it`).toBeDefined();
    return found!;
  };

  test(`should refuse ${label} when the caller is signed out`, async () => {
    await asCaller("anonymous", async (context) => {
      const outcome = await callServerAction(context, built(), [{}]);
      const refusedByProxy = outcome.status === 307 && /\/login/.test(outcome.redirectedTo ?? "");
      expect(refusedByProxy || outcome.code === "UNAUTHENTICATED", outcome.body).toBe(true);
    });
  });

  test(`should refuse ${label} when the caller's account is disabled`, async () => {
    await asCaller("disabled", async (context) => {
      expect((await callServerAction(context, built(), [{}])).code).toBe("UNAUTHENTICATED");
    });
  });

  for (const role of rolesBelow(required)) {
    test(`should refuse ${label} when the caller is a ${role}`, async () => {
      await asCaller(role, async (context) => {
        expect((await callServerAction(context, built(), [{}])).code).toBe("FORBIDDEN");
      });
    });
  }

  test(`should let a ${required} past the access check of ${label}`, async () => {
    await asCaller(action.name === "signOutAction" ? "signingOut" : required, async (context) => {
      const outcome = await callServerAction(context, built(), [{}]);
      expect(outcome.status).toBeLessThan(500);
      expect(REFUSED).not.toContain(outcome.code);
    });
  });
}

for (const route of routes) {
  const required = requiredAccess(route);
  if (!required || required === "public") continue;
  const label = route.key;
  const call = (context: APIRequestContext) =>
    context.fetch(concreteUrl(route.urlPath), {
      method: route.method,
      data: route.method === "GET" || route.method === "HEAD" ? undefined : {},
      maxRedirects: 0,
    });

  test(`should answer 401 to ${label} when the caller is signed out or disabled`, async () => {
    for (const who of ["anonymous", "disabled"] as const) {
      await asCaller(who, async (context) => {
        const response = await call(context);
        expect(response.status(), who).toBe(401);
        if (route.method !== "HEAD")
          expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
      });
    }
  });

  for (const role of rolesBelow(required)) {
    test(`should answer 403 to ${label} when the caller is a ${role}`, async () => {
      await asCaller(role, async (context) => expect((await call(context)).status()).toBe(403));
    });
  }

  test(`should let a ${required} past the access check of ${label}`, async () => {
    await asCaller(required, async (context) => expect([401, 403]).not.toContain((await call(context)).status()));
  });
}

test("should refuse an unknown role from a crafted request and create nothing", async () => {
  await asCaller("admin", async (context) => {
    const create = manifest.find((a) => a.exportedName === "createUserAction")!;
    const email = `crafted-${Date.now().toString(36)}@example.test`;
    const outcome = await callServerAction(context, create, [
      { email, role: "superuser", password: "a-long-password" },
    ]);
    expect(outcome.code).toBe("VALIDATION_FAILED");
    expect(outcome.body).toContain("Role must be one of: viewer, consultant, admin");
    const usersPage = await (await context.get("/users")).text();
    expect(usersPage).not.toContain(email);
  });
});

test("should never send a stack trace or password hash when an action fails", async () => {
  await asCaller("admin", async (context) => {
    const change = manifest.find((a) => a.exportedName === "changeUserRoleAction")!;
    const outcome = await callServerAction(context, change, [
      { userId: "00000000-0000-4000-8000-000000000000", role: "viewer" },
    ]);
    expect(outcome.code).toBe("NOT_FOUND");
    expect(outcome.body).not.toMatch(/\bat \S+ \(|argon2|password_hash|passwordHash/);
  });
});

for (const path of ["/sandbox/crm/api/data/v9.2/accounts", "/sandbox/erp/api/v2.0/companies"]) {
  test(`should answer 401 to ${path} when no bearer token comes with it, even with a session`, async () => {
    for (const who of ["anonymous", "admin"] as const) {
      await asCaller(who, async (context) => expect((await context.get(path)).status(), who).toBe(401));
    }
  });
}

test("should let the demo admin sign in through the Auth.js endpoint", async ({ baseURL }) => {
  const admin = demoAccount("admin");
  const context = await apiSession(baseURL!, admin.email, admin.password);
  const session = (await (await context.get("/api/auth/session")).json()) as {
    user?: { email?: string; role?: string };
  };
  expect(session.user).toMatchObject({ email: admin.email, role: "admin" });
  await context.dispose();
});
