import { and, asc, eq, inArray } from "drizzle-orm";
import { fullSyncLines, fullSyncRuns } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { clearWatermarks } from "./watermark-store";
import { blockedLines, readyLines, runStatus, type LineStatus, type PlanLine } from "../plan/full-sync-plan";
import type { EngineContext } from "./engine-context";
import { coupleByMatch } from "./couple-records";
import { planFullSyncLines } from "./full-sync-lines";
import { runMapping, type RunResult } from "./run-mapping";

/** BC's Full Synchronization Review (§5.4): one line per mapping, in dependency order, with its recommendation. */
export async function createFullSyncRun(ctx: EngineContext, startedBy: string | null): Promise<string> {
  const lines = (await planFullSyncLines(ctx)).map(({ mapping, recommendation, dependsOn }, position) => ({
    mappingName: mapping.name,
    position,
    dependsOn,
    recommendation,
    status: recommendation === "none" ? "finished" : "pending",
    message: recommendation === "none" ? "No records found on either side." : null,
  }));
  const [run] = await ctx.db
    .insert(fullSyncRuns)
    .values({ pairId: ctx.pairId, configVersion: ctx.config.version, startedBy })
    .returning({ id: fullSyncRuns.id });
  await ctx.db
    .insert(fullSyncLines)
    .values(
      lines.map((line) => ({ ...line, runId: run!.id, finishedAt: line.status === "finished" ? new Date() : null })),
    );
  return run!.id;
}

export async function readLines(ctx: Pick<EngineContext, "db">, runId: string) {
  return ctx.db.select().from(fullSyncLines).where(eq(fullSyncLines.runId, runId)).orderBy(asc(fullSyncLines.position));
}

/**
 * Moves a run on: lines whose parents failed are blocked, lines whose parents finished are claimed (pending →
 * queued, so two workers never start one line twice) and returned for the caller to run or enqueue.
 */
export async function advanceFullSync(ctx: Pick<EngineContext, "db">, runId: string): Promise<string[]> {
  const lines = await readLines(ctx, runId);
  const plan: PlanLine[] = lines.map((l) => ({
    mappingName: l.mappingName,
    dependsOn: l.dependsOn,
    status: l.status as LineStatus,
  }));
  for (const { line, parent } of blockedLines(plan)) {
    await ctx.db
      .update(fullSyncLines)
      .set({ status: "blocked", message: `Not started: ${parent} did not finish.`, finishedAt: new Date() })
      .where(and(eq(fullSyncLines.runId, runId), eq(fullSyncLines.mappingName, line.mappingName)));
    line.status = "blocked";
  }
  const claimed: string[] = [];
  for (const line of readyLines(plan)) {
    const rows = await ctx.db
      .update(fullSyncLines)
      .set({ status: "queued" })
      .where(
        and(
          eq(fullSyncLines.runId, runId),
          eq(fullSyncLines.mappingName, line.mappingName),
          eq(fullSyncLines.status, "pending"),
        ),
      )
      .returning();
    if (rows.length) claimed.push(line.mappingName);
  }
  const status = runStatus(
    (await readLines(ctx, runId)).map((l) => ({
      mappingName: l.mappingName,
      dependsOn: l.dependsOn,
      status: l.status as LineStatus,
    })),
  );
  if (status !== "running")
    await ctx.db
      .update(fullSyncRuns)
      .set({ status, finishedAt: new Date() })
      .where(and(eq(fullSyncRuns.id, runId), eq(fullSyncRuns.status, "running")));
  return claimed;
}

/** A pass that could not run at all (not one record's failure) fails its line. */
function throwIfBroken(...results: (RunResult | undefined)[]): void {
  const broken = results.flatMap((r) => r?.passes ?? []).find((p) => p.status === "failed");
  if (broken) throw new Error(broken.message ?? "a pass failed");
}

/**
 * Runs one claimed line. "Couple records" is match-based coupling as §3.3: what has no unique match is created in the
 * CRM only when the mapping creates on no match, otherwise it fails; nothing is created in the ERP, so CRM-only
 * records stay uncoupled. "Full synchronization" (one side empty, or a rule says so) is BC's full-sync clone (§4.12):
 * both directions the mapping carries, coupling a unique match before creating, creating every other uncoupled record.
 */
export async function runFullSyncLine(
  ctx: EngineContext,
  runId: string,
  mappingName: string,
  startedBy: string | null,
): Promise<void> {
  const where = and(eq(fullSyncLines.runId, runId), eq(fullSyncLines.mappingName, mappingName));
  const [line] = await ctx.db
    .update(fullSyncLines)
    .set({ status: "running", startedAt: new Date() })
    .where(and(where, inArray(fullSyncLines.status, ["queued", "running"])))
    .returning();
  if (!line)
    throw new AppError("CONFLICT", `The ${mappingName} line of this full synchronization is not waiting to run.`);
  try {
    let jobs: { erpToCrm?: string | null; crmToErp?: string | null } = {};
    let message: string | null = null;
    if (line.recommendation === "couple") {
      const result = await coupleByMatch(ctx, mappingName, { trigger: "full-sync", startedBy });
      throwIfBroken(result.created, result.synced);
      // New couplings no pass has synced yet: the next run must read every record again to bring them up to date,
      // also when an earlier incremental run set watermarks past them.
      if (result.coupled && !result.synced) await clearWatermarks(ctx.db, ctx.pairId, mappingName);
      const created =
        result.created?.passes.find((p) => p.mappingName === mappingName && p.flow === "erp-to-crm")?.counters
          .inserted ?? 0;
      // The coupling job holds what the preview promised (coupled, failed = unmatched); a post-coupling sync into the ERP is the other column.
      jobs = {
        erpToCrm: result.jobId,
        crmToErp:
          result.synced?.passes.find((p) => p.mappingName === mappingName && p.flow === "crm-to-erp")?.jobId ?? null,
      };
      message = `Coupled ${result.coupled} by match${result.created ? `, created ${created} in the CRM` : result.unmatched ? `; ${result.unmatched} had no unique uncoupled match` : ""}.`;
    } else {
      const result = await runMapping(ctx, mappingName, {
        trigger: "full-sync",
        mode: "full",
        createUncoupled: true,
        matchBeforeCreate: true,
        guard: "override",
        startedBy,
        waitMs: 60_000,
      });
      jobs = {
        erpToCrm: result.passes.find((p) => p.flow === "erp-to-crm" && p.mappingName === mappingName)?.jobId,
        crmToErp: result.passes.find((p) => p.flow === "crm-to-erp" && p.mappingName === mappingName)?.jobId,
      };
      throwIfBroken(result);
    }
    await ctx.db
      .update(fullSyncLines)
      .set({
        status: "finished",
        message,
        erpToCrmJobId: jobs.erpToCrm ?? null,
        crmToErpJobId: jobs.crmToErp ?? null,
        finishedAt: new Date(),
      })
      .where(where);
  } catch (error) {
    await ctx.db
      .update(fullSyncLines)
      .set({
        status: "failed",
        message: error instanceof Error ? error.message : String(error),
        finishedAt: new Date(),
      })
      .where(where);
  }
}

/** A whole full synchronization in this process (the CLI): lines in dependency order, `parallel` at a time. */
export async function runFullSync(
  ctx: EngineContext,
  startedBy: string | null,
  options: { parallel?: number; onLine?: (mapping: string, event: "started" | "done") => void } = {},
): Promise<string> {
  const runId = await createFullSyncRun(ctx, startedBy);
  const queue: string[] = [];
  const running = new Map<string, Promise<string>>();
  for (;;) {
    queue.push(...(await advanceFullSync(ctx, runId)));
    while (running.size < (options.parallel ?? 2) && queue.length) {
      const name = queue.shift()!;
      options.onLine?.(name, "started");
      running.set(
        name,
        runFullSyncLine(ctx, runId, name, startedBy).then(() => name),
      );
    }
    if (!running.size) break;
    const done = await Promise.race(running.values());
    running.delete(done);
    options.onLine?.(done, "done");
  }
  await advanceFullSync(ctx, runId);
  return runId;
}
