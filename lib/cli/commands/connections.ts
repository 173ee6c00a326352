import type { Command } from "commander";
import type { AccessCheck } from "@/lib/connectors/access/access-check";
import { AppError } from "@/lib/errors";
import { listConnections } from "@/lib/services/connections/list-connections";
import { saveConnection } from "@/lib/services/connections/save-connection";
import { testConnection, type ConnectionTest } from "@/lib/services/connections/test-connection";
import { cliActor } from "../cli-actor";
import { withCliDatabase } from "../open-cli-database";
import type { CliOutput } from "../output";
import { readStdin } from "../read-stdin";
import { DiagnosticsFailed } from "./mapping";

type AddOptions = {
  name?: string;
  environmentUrl?: string;
  tenant?: string;
  environment?: string;
  apiUrl?: string;
  tokenUrl?: string;
  clientId: string;
  clientSecretStdin?: boolean;
  company?: string;
  inactive?: boolean;
  json?: boolean;
};

const MARK: Record<AccessCheck["status"], string> = { ok: "✓", failed: "✗", warning: "!", skipped: "·" };

function printTest(out: CliOutput, result: ConnectionTest): void {
  for (const check of result.checks) {
    out.write(`${MARK[check.status]} ${check.label}: ${check.message}\n`);
    if (check.fix) out.write(`    fix: ${check.fix}\n`);
  }
  for (const warning of result.warnings) out.write(`! ${warning}\n`);
  for (const company of result.companies ?? [])
    out.write(`  company ${company.id}  ${company.displayName || company.name}\n`);
}

export function registerConnectionCommands(program: Command, out: CliOutput): void {
  const connections = program.command("connections").description("Connect Tandem to Business Central and Dataverse");

  connections
    .command("add <system>")
    .description(
      "Add a real-tenant connection (system: erp | crm), test it and make it active; the secret comes on stdin",
    )
    .requiredOption("--client-id <id>", "the app registration's client (application) id")
    .option("--client-secret-stdin", "read the client secret from standard input (else TANDEM_CLIENT_SECRET)")
    .option("--name <name>", "a name for the connection")
    .option("--environment-url <url>", "crm: the environment URL, e.g. https://contoso.crm.dynamics.com")
    .option("--tenant <id>", "the Entra tenant id (GUID or contoso.onmicrosoft.com)")
    .option("--environment <name>", "erp: the environment name, e.g. Production")
    .option("--api-url <url>", "erp: the API root itself (…/api), instead of --tenant and --environment")
    .option("--token-url <url>", "a token endpoint other than Entra ID's for the tenant")
    .option("--company <id>", "erp: the company id (tandem connections test lists them)")
    .option("--inactive", "save without making it the connection its system syncs through")
    .option("--json", "print the result as JSON")
    .action(async (system: string, options: AddOptions) => {
      const clientSecret = options.clientSecretStdin
        ? (await readStdin()).replace(/\r?\n$/, "")
        : process.env.TANDEM_CLIENT_SECRET;
      if (!clientSecret)
        throw new AppError(
          "VALIDATION_FAILED",
          "Pass the client secret on standard input (--client-secret-stdin) or in TANDEM_CLIENT_SECRET.",
        );
      const input = {
        system,
        name: options.name,
        environmentUrl: options.environmentUrl,
        tenantId: options.tenant,
        environment: options.environment,
        apiUrl: options.apiUrl,
        tokenUrl: options.tokenUrl,
        clientId: options.clientId,
        clientSecret,
        companyId: options.company,
        activate: !options.inactive,
      };
      const result = await withCliDatabase(async (handle) => {
        const ctx = { db: handle.db, actor: cliActor() };
        const test = await testConnection({ ctx, input });
        if (!test.ok) return { test, saved: null };
        return { test, saved: await saveConnection({ ctx, input }) };
      });
      if (options.json) {
        out.write(JSON.stringify(result, null, 2) + "\n");
        if (!result.saved) throw new DiagnosticsFailed(1);
        return;
      }
      printTest(out, result.test);
      if (!result.saved) {
        out.error("Test connection failed: nothing was saved.\n");
        throw new DiagnosticsFailed(1);
      }
      const saved = result.saved.connection;
      out.write(`Saved ${saved.name} (${saved.id})${saved.active ? ", active" : ""}.\n`);
    });

  connections
    .command("test <id>")
    .description("Test a saved connection: token, service, integration user, read on the mapped entities")
    .option("--json", "print the result as JSON")
    .action(async (id: string, options: { json?: boolean }) => {
      const result = await withCliDatabase((handle) =>
        testConnection({ ctx: { db: handle.db, actor: cliActor() }, input: { id } }),
      );
      if (options.json) out.write(JSON.stringify(result, null, 2) + "\n");
      else printTest(out, result);
      if (!result.ok) throw new DiagnosticsFailed(1);
    });

  connections
    .command("list")
    .description("List connections (secrets only as set/unset) and which are active")
    .option("--json", "print as JSON")
    .action(async (options: { json?: boolean }) => {
      const listed = await withCliDatabase((handle) => listConnections({ ctx: { db: handle.db, actor: cliActor() } }));
      if (options.json) return out.write(JSON.stringify(listed, null, 2) + "\n");
      for (const c of listed.connections)
        out.write(
          `${c.id}\t${c.system}\t${c.kind}\t${c.active ? "active" : "inactive"}\t${c.name}\t${c.baseUrl}\tsecret ${c.secretSet ? "set" : "unset"}\n`,
        );
    });
}
