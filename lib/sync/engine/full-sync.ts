import { and, asc, eq, inArray } from "drizzle-orm";
import { fullSyncLines, fullSyncRuns } from "@/db/schema";
import { carries } from "@/lib/mapping/model/direction";
import { AppError } from "@/lib/errors";
import { blockedLines, fullSyncMappings, readyLines, recommend, runStatus, type LineStatus, type PlanLine, type Recommendation } from "../plan/full-sync-plan";
import { ruleContext, type EngineContext } from "./engine-context";
import { coupleByMatch } from "./couple-records";
import { runMapping } from "./run-mapping";

async function recommendationFor(ctx: EngineContext, name: string): Promise<Recommendation> {
  const mapping = ctx.config.mappings.find((m) => m.name === name)!;
  const counts = { erp: await ctx.connectors.erp.count(mapping.erp.entity, mapping.erp.filter), crm: await ctx.connectors.crm.count(mapping.crm.entity, mapping.crm.filter) };
  let answer: Recommendation | undefined;
  for (const rule of ctx.rules) answer ??= await rule.recommend?.(ruleContext(ctx), mapping, counts);
  answer ??= recommend(counts.erp, counts.crm);
  // Coupling needs match fields; without them the only way to bring both sides together is to create.
  return answer === "couple" && !mapping.match ? "full" : answer;
}

/** BC's Full Synchronization Review (§5.4): one line per mapping, in dependency order, with its recommendation. */
export async function createFullSyncRun(ctx: EngineContext, startedBy: string | null): Promise<string> {
  const mappings = fullSyncMappings(ctx.config);
  const names = new Set(mappings.map((m) => m.name));
  const lines = [];
  for (const [position, mapping] of mappings.entries()) {
    const recommendation = await recommendationFor(ctx, mapping.name);
    lines.push({ mappingName: mapping.name, position, dependsOn: mapping.dependsOn.filter((d) => names.has(d)), recommendation, status: recommendation === "none" ? "finished" : "pending", message: recommendation === "none" ? "No records found on either side." : null });
  }
  const [run] = await ctx.db.insert(fullSyncRuns).values({ configVersion: ctx.config.version, startedBy }).returning({ id: fullSyncRuns.id });
  await ctx.db.insert(fullSyncLines).values(lines.map((line) => ({ ...line, runId: run!.id, finishedAt: line.status === "finished" ? new Date() : null })));
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
  const plan: PlanLine[] = lines.map((l) => ({ mappingName: l.mappingName, dependsOn: l.dependsOn, status: l.status as LineStatus }));
  for (const { line, parent } of blockedLines(plan)) {
    await ctx.db.update(fullSyncLines).set({ status: "blocked", message: `Not started: ${parent} did not finish.`, finishedAt: new Date() }).where(and(eq(fullSyncLines.runId, runId), eq(fullSyncLines.mappingName, line.mappingName)));
    line.status = "blocked";
  }
  const claimed: string[] = [];
  for (const line of readyLines(plan)) {
    const rows = await ctx.db.update(fullSyncLines).set({ status: "queued" }).where(and(eq(fullSyncLines.runId, runId), eq(fullSyncLines.mappingName, line.mappingName), eq(fullSyncLines.status, "pending"))).returning();
    if (rows.length) claimed.push(line.mappingName);
  }
  const status = runStatus((await readLines(ctx, runId)).map((l) => ({ mappingName: l.mappingName, dependsOn: l.dependsOn, status: l.status as LineStatus })));
  if (status !== "running") await ctx.db.update(fullSyncRuns).set({ status, finishedAt: new Date() }).where(and(eq(fullSyncRuns.id, runId), eq(fullSyncRuns.status, "running")));
  return claimed;
}

/** Runs one claimed line: a full synchronization (create what has no counterpart) or match-based coupling. */
export async function runFullSyncLine(ctx: EngineContext, runId: string, mappingName: string, startedBy: string | null): Promise<void> {
  const where = and(eq(fullSyncLines.runId, runId), eq(fullSyncLines.mappingName, mappingName));
  const [line] = await ctx.db.update(fullSyncLines).set({ status: "running", startedAt: new Date() }).where(and(where, inArray(fullSyncLines.status, ["queued", "running"]))).returning();
  if (!line) throw new AppError("CONFLICT", `The ${mappingName} line of this full synchronization is not waiting to run.`);
  try {
    let jobs: { erpToCrm?: string | null; crmToErp?: string | null } = {};
    if (line.recommendation === "couple") {
      // A full synchronization leaves nothing behind: what has no match is created, in both directions the mapping allows.
      const mapping = ctx.config.mappings.find((m) => m.name === mappingName)!;
      const toCrm = carries(mapping.direction, "erp-to-crm");
      const result = await coupleByMatch(ctx, mappingName, { trigger: "full-sync", startedBy, createIfNoMatch: toCrm, syncAfter: true });
      const fromCrm = carries(mapping.direction, "crm-to-erp") ? await runMapping(ctx, mappingName, { trigger: "full-sync", mode: "full", direction: "crm-to-erp", createUncoupled: true, matchBeforeCreate: true, guard: "override", startedBy, waitMs: 60_000 }) : undefined;
      const passes = [...(result.created?.passes ?? []), ...(result.synced?.passes ?? []), ...(fromCrm?.passes ?? [])].filter((p) => p.mappingName === mappingName);
      jobs = { erpToCrm: passes.find((p) => p.flow === "erp-to-crm")?.jobId ?? result.jobId, crmToErp: passes.findLast((p) => p.flow === "crm-to-erp")?.jobId ?? null };
    } else {
      const result = await runMapping(ctx, mappingName, { trigger: "full-sync", mode: "full", createUncoupled: true, matchBeforeCreate: true, guard: "override", startedBy, waitMs: 60_000 });
      jobs = { erpToCrm: result.passes.find((p) => p.flow === "erp-to-crm" && p.mappingName === mappingName)?.jobId, crmToErp: result.passes.find((p) => p.flow === "crm-to-erp" && p.mappingName === mappingName)?.jobId };
      const broken = result.passes.find((p) => p.status === "failed");
      if (broken) throw new Error(broken.message ?? "a pass failed");
    }
    await ctx.db.update(fullSyncLines).set({ status: "finished", erpToCrmJobId: jobs.erpToCrm ?? null, crmToErpJobId: jobs.crmToErp ?? null, finishedAt: new Date() }).where(where);
  } catch (error) {
    await ctx.db.update(fullSyncLines).set({ status: "failed", message: error instanceof Error ? error.message : String(error), finishedAt: new Date() }).where(where);
  }
}

/** A whole full synchronization in this process (the CLI): lines in dependency order, `parallel` at a time. */
export async function runFullSync(ctx: EngineContext, startedBy: string | null, options: { parallel?: number; onLine?: (mapping: string, event: "started" | "done") => void } = {}): Promise<string> {
  const runId = await createFullSyncRun(ctx, startedBy);
  const queue: string[] = [];
  const running = new Map<string, Promise<string>>();
  for (;;) {
    queue.push(...(await advanceFullSync(ctx, runId)));
    while (running.size < (options.parallel ?? 2) && queue.length) {
      const name = queue.shift()!;
      options.onLine?.(name, "started");
      running.set(name, runFullSyncLine(ctx, runId, name, startedBy).then(() => name));
    }
    if (!running.size) break;
    const done = await Promise.race(running.values());
    running.delete(done);
    options.onLine?.(done, "done");
  }
  await advanceFullSync(ctx, runId);
  return runId;
}
