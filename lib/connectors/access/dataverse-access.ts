import { ConnectorError } from "../odata/connector-error";
import type { ODataClient } from "../odata/odata-client";
import { checkToken, failed, ok, serviceFailure, skipped, type AccessCheck } from "./access-check";

const NON_INTERACTIVE = 4;
const REFUSED_FIX =
  "Add the app registration to the environment as an application user (Power Platform admin center → Users → App users) and give it a security role.";

type SystemUser = { fullname?: string; isdisabled?: boolean; accessmode?: number; islicensed?: boolean };

/**
 * Test connection for Dataverse: a token, WhoAmI (is this a Dataverse Web API?), the integration user (an enabled
 * application user, not a person's licensed account), and read on every table the mappings use.
 */
export async function checkDataverseAccess(
  client: ODataClient,
  options: { tokenUrl: string; serviceUrl: string; tables: () => Promise<string[]> },
): Promise<AccessCheck[]> {
  const checks: AccessCheck[] = [await checkToken(() => client.authorize(), options.tokenUrl)];
  const rest = (after: AccessCheck[]) => [
    ...after,
    ...(after.some((c) => c.id === "user") ? [] : [skipped("user", "Integration user")]),
    skipped("read", "Read the mapped tables"),
  ];
  if (checks[0]!.status !== "ok") return rest([...checks, skipped("service", "Dataverse Web API")]);
  let userId: string | undefined;
  try {
    const answer = await client.json<{ UserId?: unknown }>("WhoAmI");
    if (typeof answer.UserId !== "string") throw new ConnectorError("PROTOCOL", "WhoAmI answered without a UserId");
    userId = answer.UserId;
    checks.push(ok("service", "Dataverse Web API", `WhoAmI answered: the client signs in as user ${userId}.`));
  } catch (error) {
    checks.push(
      serviceFailure("service", "Dataverse Web API", error, options.serviceUrl, "a Dataverse Web API", REFUSED_FIX),
    );
    return rest(checks);
  }
  checks.push(await checkUser(client, userId));
  for (const table of await options.tables()) checks.push(await checkRead(client, table));
  return checks;
}

async function checkUser(client: ODataClient, userId: string): Promise<AccessCheck> {
  const label = "Integration user";
  try {
    const user = await client.json<SystemUser>(
      `systemusers(${userId})?$select=fullname,isdisabled,accessmode,islicensed`,
    );
    const name = user.fullname ?? userId;
    if (user.isdisabled)
      return failed(
        "user",
        label,
        `The application user ${name} is disabled.`,
        "Enable it in the Power Platform admin center.",
      );
    if (user.accessmode !== NON_INTERACTIVE)
      return failed(
        "user",
        label,
        `The client signs in as ${name}, a normal ${user.islicensed ? "licensed " : ""}user, not an application user.`,
        "Use an app registration set up as an application user (non-interactive, no license): changes made by a person's account cannot be told apart from theirs.",
      );
    return ok("user", label, `${name} is an enabled application user.`);
  } catch (error) {
    return serviceFailure("user", label, error, `systemusers(${userId})`, "a Dataverse user", REFUSED_FIX);
  }
}

async function checkRead(client: ODataClient, table: string): Promise<AccessCheck> {
  const label = `Read ${table}`;
  try {
    await client.send(`${table}?$top=1`, { headers: { Prefer: "odata.maxpagesize=1" } });
    return ok("read", label, `The integration user may read ${table}.`);
  } catch (error) {
    if (error instanceof ConnectorError && error.code === "FORBIDDEN")
      return failed(
        "read",
        label,
        `The integration user lacks read on ${table}.`,
        `Give its security role Read on the ${table} table (Organization level), then test again.`,
      );
    if (error instanceof ConnectorError && error.code === "NOT_FOUND")
      return failed(
        "read",
        label,
        `The environment has no table ${table}.`,
        "Install the solution that adds it, or change the mapping.",
      );
    return serviceFailure("read", label, error, table, "a Dataverse table", REFUSED_FIX);
  }
}
