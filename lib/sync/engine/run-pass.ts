import { carries, sourceSide, targetSide, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { earlierInstant, nextWatermark } from "../decide/change-detection";
import { guardCount, guardMessage } from "../decide/mass-change-guard";
import { emptyCounters } from "../model/counters";
import { countCouplings } from "./coupling-store";
import { passFailureMessage } from "./connection-failure";
import { crashPoint } from "./crash-points";
import { dryPass } from "./dry-pass";
import { timed, type EngineContext } from "./engine-context";
import { JobRecorder } from "./job-recorder";
import { MassChangeBuffer } from "./mass-change-buffer";
import { PhaseTimer } from "./phase-timer";
import type { PassRequest, PassResult } from "./pass-types";
import type { PlannedRecord } from "./plan-page";
import { plannedPages } from "./planned-pages";
import { countForProgress } from "./progress-count";
import { readWatermark, writeWatermark } from "./watermark-store";
import { writePage, type WriteScope } from "./write-page";

export type { PassRequest, PassResult, SyncMode } from "./pass-types";

/** One table mapping in one direction (BC's To or From pass, §4.2–§4.4), as a job with its own row and counters. */
export async function runPass(
  outer: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  request: PassRequest,
): Promise<PassResult> {
  const timer = new PhaseTimer();
  const ctx: EngineContext = { ...outer, timer };
  const result: PassResult = {
    mappingName: mapping.name,
    flow,
    jobId: null,
    status: "succeeded",
    counters: emptyCounters(),
    written: [],
  };
  const job = request.dryRun
    ? null
    : await JobRecorder.start(ctx.db, {
        pairId: ctx.pairId,
        mappingName: mapping.name,
        direction: flow,
        trigger: request.trigger,
        mode: request.mode,
        configVersion: ctx.config.version,
        startedBy: request.startedBy,
      });
  result.jobId = job?.id ?? null;
  if (!carries(mapping.direction, flow)) {
    result.message = `The ${mapping.name} mapping is not configured for ${flow} synchronization.`;
    await job?.finish("succeeded", result.message);
    return result;
  }
  try {
    if (job && request.recovered) job.count("coupled", request.recovered);
    const outcome = job
      ? await passWithGuard(ctx, mapping, flow, request, job, result)
      : await dryPass(ctx, mapping, flow, request, result);
    if (outcome === "held") {
      result.status = "held";
      await job?.hold(result.message ?? "", result.hold!);
    } else await job?.finish("succeeded", result.message);
  } catch (error) {
    const failure = passFailureMessage(error, ctx.connectors);
    result.status = "failed";
    result.message = failure.message;
    result.connectionFailed = failure.connection;
    await job?.finish("failed", result.message).catch(() => {});
    if (!job) throw error;
  }
  if (job) {
    result.counters = { ...job.counters };
    await announce(ctx, job, result);
  }
  result.timings = timer.rounded();
  return result;
}

/** A listener's failure is logged, never the pass's: the job is already recorded. */
async function announce(ctx: EngineContext, job: JobRecorder, result: PassResult): Promise<void> {
  if (!ctx.onJobEnded) return;
  await ctx
    .onJobEnded({
      jobId: job.id,
      pairId: ctx.pairId,
      mappingName: result.mappingName,
      direction: result.flow,
      status: result.status,
      counters: { ...job.counters },
      message: result.message ?? null,
      connectionFailed: Boolean(result.connectionFailed),
    })
    .catch((error: unknown) => console.error("[tandem] after a job ended:", (error as Error).message));
}

/** A full pass reads every source record in the filter: their count measures its progress. */
async function expectRecords(ctx: EngineContext, mapping: TableMapping, flow: Flow, job: JobRecorder) {
  const total = await countForProgress(ctx, mapping, sourceSide(flow));
  if (total !== null) await job.expect(total);
}

async function passWithGuard(
  ctx: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  request: PassRequest,
  job: JobRecorder,
  result: PassResult,
): Promise<"done" | "held"> {
  const startedAt = ctx.now();
  const incremental = request.mode === "incremental" && !request.ids && !request.children;
  const watermark = incremental ? await readWatermark(ctx.db, ctx.pairId, mapping.name, flow) : null;
  if (request.mode === "full" && !request.ids && !request.children) await expectRecords(ctx, mapping, flow, job);
  // Written source ids are kept only when document lines have to follow them.
  const scope: WriteScope = {
    ctx,
    mapping,
    flow,
    job,
    written: result.written,
    keepWritten: ctx.config.mappings.some((m) => m.parent === mapping.name),
    unwritten: { oldest: null },
  };
  const guarded = request.mode !== "one-off" && request.guard !== "override" && !request.children;
  const buffer = guarded
    ? new MassChangeBuffer(await countCouplings(ctx.db, ctx.pairId, mapping.name), ctx.settings.guard)
    : null;
  const seen = { newest: null as string | null };
  // A page's bookkeeping (couplings, job rows) runs while the next page is written; one at a time, in order.
  let bookkeeping: Promise<void> = Promise.resolve();
  const write = async (page: PlannedRecord[]) => {
    const finish = await writePage(scope, page);
    await bookkeeping;
    bookkeeping = (async () => {
      await finish();
      await timed(ctx, "job rows", () => job.flush());
      crashPoint(`job-rows-written:${targetSide(flow)}`);
      await ctx.onProgress?.();
    })();
    bookkeeping.catch(() => {}); // awaited before the next page's bookkeeping and at the end
  };
  // One page is written while the next is read and decided; writes themselves stay in page order.
  let writing: Promise<void> = Promise.resolve();
  const pipelined = async (page: PlannedRecord[]) => {
    await writing;
    writing = write(page);
    writing.catch(() => {}); // awaited before the next page and at the end
  };
  const drained = async () => {
    await writing;
    await bookkeeping;
  };
  try {
    for await (const page of plannedPages(ctx, mapping, flow, request, watermark, seen)) {
      if (buffer?.active) {
        if (!buffer.offer(page)) {
          result.hold = guardCount(buffer.planned, buffer.coupledTotal, ctx.settings.guard);
          result.message = guardMessage(mapping.name, result.hold);
          return "held";
        }
        await job.flush();
        await ctx.onProgress?.();
      } else await pipelined(page);
    }
    await drained();
    if (buffer?.active && buffer.overflowed) {
      // Too many changes to hold, yet under the limit: read again and write as we go.
      for await (const page of plannedPages(ctx, mapping, flow, request, watermark, seen)) await pipelined(page);
    } else if (buffer?.active) for (const page of buffer.drain()) await pipelined(page);
    await drained();
  } catch (error) {
    await drained().catch(() => {}); // let pages already written finish their bookkeeping before the job ends
    throw error;
  }
  if (!request.ids && !request.children)
    await writeWatermark(
      ctx.db,
      ctx.pairId,
      mapping.name,
      flow,
      nextWatermark(watermark, earlierInstant(seen.newest, scope.unwritten?.oldest), startedAt),
    );
  return "done";
}
