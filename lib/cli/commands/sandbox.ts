import type { Command } from "commander";
import { AppError } from "@/lib/errors";
import type { SeedSummary } from "@/lib/sandbox/seed-sandbox";
import { configureSandboxSettings } from "@/lib/services/sandbox/configure-sandbox-settings";
import { resetSandboxes, seedSandboxes } from "@/lib/services/sandbox/seed-sandboxes";
import { cliActor } from "../cli-actor";
import { withCliDatabase } from "../open-cli-database";
import type { CliOutput } from "../output";

function printSummary(out: CliOutput, summary: SeedSummary): void {
  for (const system of ["erp", "crm"] as const) {
    const entries = Object.entries(summary[system]).filter(([, n]) => n > 0);
    if (entries.length)
      out.write(`${system.toUpperCase()}: ${entries.map(([entity, n]) => `${entity} ${n}`).join(", ")}\n`);
  }
}

export function registerSandboxCommands(program: Command, out: CliOutput): void {
  const sandbox = program.command("sandbox").description("The built-in Business Central and Dataverse simulators");

  sandbox
    .command("seed")
    .description(
      "Load the demo company if the sandboxes are empty; --customers N adds generated customers and accounts up to N",
    )
    .option("--customers <count>", "generated ERP customers and CRM accounts (for benchmarks)")
    .action(async (options: { customers?: string }) => {
      const customers = options.customers === undefined ? 0 : Number(options.customers);
      if (!Number.isInteger(customers) || customers < 0 || customers > 5_000_000) {
        throw new AppError("VALIDATION_FAILED", "--customers must be a whole number from 0 to 5,000,000", {
          fieldErrors: { customers: ["not a whole number in range"] },
        });
      }
      const actor = cliActor();
      const started = Date.now();
      const { demo, scaled } = await withCliDatabase(({ db }) =>
        seedSandboxes({ ctx: { db, actor }, input: { customers } }),
      );
      if (demo) printSummary(out, demo);
      if (scaled) {
        printSummary(out, scaled);
        out.write(
          `Generated ${scaled.erp.customers} customers and ${scaled.crm.accounts} accounts in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
        );
      }
      if (!demo && customers === 0)
        out.write("The sandboxes already hold data; nothing to do (use `tandem sandbox reset` to start over).\n");
    });

  sandbox
    .command("configure")
    .description(
      'Change a sandbox\'s limits or fault injection, e.g. \'{"faults":{"throttleRate":0.2}}\'; {} restores the defaults',
    )
    .argument("<system>", "erp or crm")
    .argument("<settings>", "JSON: faults, throttle, concurrency, tokenLifetimeSeconds, relativeNextLinks")
    .action(async (system: string, json: string) => {
      let settings: unknown;
      try {
        settings = JSON.parse(json);
      } catch {
        throw new AppError("VALIDATION_FAILED", "The settings are not valid JSON");
      }
      const actor = cliActor();
      const saved = await withCliDatabase(({ db }) =>
        configureSandboxSettings({ ctx: { db, actor }, input: { system, settings } }),
      );
      out.write(`${system.toUpperCase()} sandbox settings: ${JSON.stringify(saved)}\n`);
    });

  sandbox
    .command("reset")
    .description("Remove everything from both sandboxes and load the demo company again")
    .action(async () => {
      const actor = cliActor();
      printSummary(out, await withCliDatabase(({ db }) => resetSandboxes({ ctx: { db, actor } })));
      out.write("Sandboxes reset to the demo company.\n");
    });
}
