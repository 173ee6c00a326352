import { eq, gte, inArray } from "drizzle-orm";
import type { Command } from "commander";
import type { Database } from "@/db/client";
import { syncJobErrors, syncJobs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { FlowSchema } from "@/lib/mapping/model/direction";
import { prepareIntegration } from "@/lib/integration/first-start";
import { dryRunMapping } from "@/lib/services/sync/dry-run-mapping";
import { runFullSyncInProcess } from "@/lib/services/sync/run-full-sync-in-process";
import { runMappingInProcess } from "@/lib/services/sync/run-mapping-in-process";
import { cliActor } from "../cli-actor";
import { withCliDatabase } from "../open-cli-database";
import type { CliOutput } from "../output";
import { errorList, fullSyncTable, passTable } from "../sync-report";

type SyncOptions = {
  mapping?: string;
  direction?: string;
  full?: boolean;
  dryRun?: boolean;
  json?: boolean;
  overrideGuard?: boolean;
};

async function errorsOf(db: Database, jobIds: string[]) {
  if (!jobIds.length) return [];
  const rows = await db
    .select({ error: syncJobErrors, mappingName: syncJobs.mappingName })
    .from(syncJobErrors)
    .innerJoin(syncJobs, eq(syncJobs.id, syncJobErrors.jobId))
    .where(inArray(syncJobErrors.jobId, jobIds));
  return rows.map((r) => ({ ...r.error, mappingName: r.mappingName }));
}

export function registerSyncCommands(program: Command, out: CliOutput): void {
  program
    .command("sync")
    .description(
      "Run the published mappings against the configured connections (the sandboxes by default) and print the job counters",
    )
    .option("--mapping <name>", "run one table mapping (both directions unless --direction)")
    .option("--direction <direction>", "erp-to-crm or crm-to-erp")
    .option(
      "--full",
      "with --mapping: read every record and create what is not coupled; alone: the full synchronization of all mappings in dependency order",
    )
    .option("--dry-run", "with --mapping: write nothing and print what would change, record by record")
    .option("--override-guard", "run even if more coupled records would change than the mass-change guard allows")
    .option("--json", "print JSON instead of tables")
    .action(async (options: SyncOptions) => {
      if (!options.mapping && !options.full)
        throw new AppError(
          "VALIDATION_FAILED",
          "Give --mapping NAME, or --full for the full synchronization of every mapping.",
        );
      const direction = options.direction === undefined ? undefined : FlowSchema.safeParse(options.direction);
      if (direction && !direction.success)
        throw new AppError("VALIDATION_FAILED", "--direction must be erp-to-crm or crm-to-erp");
      if (options.dryRun && !options.mapping) throw new AppError("VALIDATION_FAILED", "--dry-run needs --mapping");
      const actor = cliActor();
      await withCliDatabase(async ({ db }) => {
        for (const note of await prepareIntegration(db)) out.error(`[tandem] ${note}\n`);
        const ctx = { db, actor };
        if (!options.mapping) {
          const started = Date.now();
          const status = await runFullSyncInProcess({
            ctx,
            onLine: (mapping, event) =>
              out.error(
                `${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s  ${event === "started" ? "▶" : "✓"} ${mapping}\n`,
              ),
          });
          // Every job of the run: the lines' passes, and the coupling, creating and line jobs they started.
          const jobs = await db
            .select({ id: syncJobs.id })
            .from(syncJobs)
            .where(gte(syncJobs.createdAt, status.createdAt));
          const errors = await errorsOf(
            db,
            jobs.map((j) => j.id),
          );
          if (options.json) return out.write(JSON.stringify({ ...status, errors }, null, 2) + "\n");
          out.write(fullSyncTable(status));
          out.write(`Full synchronization ${status.status} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
          out.write(errorList(errors));
          return;
        }
        const input = { mapping: options.mapping, direction: direction?.data, full: Boolean(options.full) };
        const result = options.dryRun
          ? await dryRunMapping({ ctx, input })
          : await runMappingInProcess({ ctx, input: { ...input, overrideGuard: Boolean(options.overrideGuard) } });
        const errors = await errorsOf(
          db,
          result.passes.map((p) => p.jobId).filter((id): id is string => Boolean(id)),
        );
        if (options.json) return out.write(JSON.stringify({ ...result, errors }, null, 2) + "\n");
        out.write(passTable(result.passes));
        if (options.dryRun)
          for (const pass of result.passes)
            for (const entry of pass.diff ?? [])
              out.write(
                `  ${pass.flow} ${entry.action.padEnd(9)} ${entry.sourceId}${entry.changes.length ? `  ${entry.changes.map((c) => `${c.field}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}`).join("; ")}` : ""}${entry.message ? `  (${entry.message})` : ""}\n`,
              );
        else out.write(errorList(errors));
        if (result.passes.some((p) => p.status !== "succeeded"))
          throw new AppError(
            "CONFLICT",
            result.passes.find((p) => p.status !== "succeeded")!.message ?? "A pass did not complete.",
          );
      });
    });
}
