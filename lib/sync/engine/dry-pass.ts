import type { Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { Counters } from "../model/counters";
import { diffEntry } from "./dry-run-diff";
import type { EngineContext } from "./engine-context";
import type { PassRequest, PassResult } from "./pass-types";
import { plannedPages } from "./planned-pages";
import { readWatermark } from "./watermark-store";

const DRY_COUNTER: Record<string, keyof Counters | null> = {
  insert: "inserted",
  modify: "modified",
  unchanged: "unchanged",
  skip: "skipped",
  fail: "failed",
  uncouple: "uncoupled",
  ignore: null,
};

/** A pass with writes disabled: every record's decision, field by field, and nothing written anywhere. */
export async function dryPass(
  ctx: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  request: PassRequest,
  result: PassResult,
): Promise<"done"> {
  const watermark =
    request.mode === "incremental" && !request.ids ? await readWatermark(ctx.db, ctx.pairId, mapping.name, flow) : null;
  result.diff = [];
  for await (const page of plannedPages(ctx, mapping, flow, request, watermark, { newest: null })) {
    for (const item of page) {
      const counter = DRY_COUNTER[item.plan.action];
      if (counter) result.counters[counter] += 1;
      if (item.plan.action === "ignore") continue;
      if (result.diff.length < ctx.settings.dryRunLimit) result.diff.push(diffEntry(item, flow));
      else result.diffTruncated = true;
    }
  }
  return "done";
}
