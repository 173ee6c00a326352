import { ConnectorError } from "../odata/connector-error";
import type { ODataClient } from "../odata/odata-client";
import { checkToken, failed, ok, serviceFailure, skipped, type AccessCheck } from "./access-check";

const REFUSED_FIX =
  "Register the app in Business Central (Microsoft Entra Applications page), grant consent and give it permission sets such as D365 AUTOMATION.";

export type BcCompany = { id: string; name: string; displayName?: string };

/**
 * Test connection for Business Central: a token, the companies the API lists (is this a Business Central API?), the
 * chosen company among them, and read on every entity the mappings use.
 */
export async function checkBusinessCentralAccess(
  client: ODataClient,
  options: {
    tokenUrl: string;
    apiUrl: string;
    companyId: string | null;
    /** Entity name → its path under the company (custom API pages differ). */
    entities: () => Promise<{ name: string; path: (companyId: string) => string }[]>;
  },
): Promise<{ checks: AccessCheck[]; companies: BcCompany[] }> {
  const checks: AccessCheck[] = [await checkToken(() => client.authorize(), options.tokenUrl)];
  const rest = (after: AccessCheck[]) => [
    ...after,
    ...(after.some((c) => c.id === "company") ? [] : [skipped("company", "Company")]),
    skipped("read", "Read the mapped entities"),
  ];
  if (checks[0]!.status !== "ok")
    return { checks: rest([...checks, skipped("service", "Business Central API")]), companies: [] };
  let companies: BcCompany[] = [];
  try {
    const answer = await client.json<{ value?: unknown }>("v2.0/companies");
    if (!Array.isArray(answer.value)) throw new ConnectorError("PROTOCOL", "companies answered without a value list");
    companies = (answer.value as BcCompany[]).map((c) => ({ id: c.id, name: c.name, displayName: c.displayName }));
    checks.push(
      ok(
        "service",
        "Business Central API",
        `The API lists ${companies.length} compan${companies.length === 1 ? "y" : "ies"}.`,
      ),
    );
  } catch (error) {
    checks.push(
      serviceFailure(
        "service",
        "Business Central API",
        error,
        options.apiUrl,
        "a Business Central API root (…/api)",
        REFUSED_FIX,
      ),
    );
    return { checks: rest(checks), companies };
  }
  const company = companies.find((c) => c.id.toLowerCase() === options.companyId?.toLowerCase());
  if (!company) {
    checks.push(
      failed(
        "company",
        "Company",
        options.companyId ? `The environment has no company ${options.companyId}.` : "No company is chosen.",
        `Pick one of: ${companies.map((c) => c.displayName || c.name).join(", ") || "(none listed)"}.`,
      ),
    );
    return { checks: rest(checks), companies };
  }
  checks.push(ok("company", "Company", `${company.displayName || company.name} (${company.id}).`));
  for (const entity of await options.entities())
    checks.push(await checkRead(client, entity.name, entity.path(company.id)));
  return { checks, companies };
}

async function checkRead(client: ODataClient, name: string, path: string): Promise<AccessCheck> {
  const label = `Read ${name}`;
  try {
    await client.send(`${path}?$top=1`);
    return ok("read", label, `The app may read ${name}.`);
  } catch (error) {
    if (error instanceof ConnectorError && error.code === "FORBIDDEN")
      return failed(
        "read",
        label,
        `The app lacks read on ${name}.`,
        `Add a permission set that reads ${name} to the app in Business Central.`,
      );
    if (error instanceof ConnectorError && error.code === "NOT_FOUND")
      return failed(
        "read",
        label,
        `The API has no ${name}.`,
        "Install Tandem's API pages extension (lib/mapping/template/CUSTOM-ERP-ENTITIES.md) or change the mapping.",
      );
    return serviceFailure("read", label, error, path, "a Business Central API", REFUSED_FIX);
  }
}
