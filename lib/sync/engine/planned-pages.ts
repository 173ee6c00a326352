import type { Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { laterInstant } from "../decide/change-detection";
import { candidatePages, type CandidateSource } from "./candidates";
import { timed, type EngineContext } from "./engine-context";
import type { PassRequest } from "./pass-types";
import { planPage } from "./plan-page";

function sourceOf(request: PassRequest, watermark: string | null): CandidateSource {
  if (request.ids) return { kind: "ids", ids: request.ids };
  if (request.children) return { kind: "children", ...request.children };
  return { kind: "changes", watermark };
}

/** Pages of planned records, each source record once (retry-first pages come before the watermark query). */
export async function* plannedPages(
  ctx: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  request: PassRequest,
  watermark: string | null,
  seen: { newest: string | null },
) {
  // Retried records are not decided again when the watermark query returns them too; only their ids are kept.
  const retried = new Set<string>();
  const pages = candidatePages(ctx, mapping, flow, sourceOf(request, watermark));
  // Read one page ahead: the source is read while this page is decided and written.
  const readNext = () => {
    const pending = pages.next();
    pending.catch(() => {}); // awaited below; this only keeps a failure during the current page from going unhandled
    return pending;
  };
  let ahead = readNext();
  for (;;) {
    const next = await timed(ctx, "read source", () => ahead);
    if (next.done) break;
    ahead = readNext();
    const page = next.value;
    const records = page.retry ? page.records : page.records.filter((r) => !retried.has(r.id.toLowerCase()));
    for (const record of records) {
      if (page.retry) retried.add(record.id.toLowerCase());
      else seen.newest = laterInstant(seen.newest, record.modifiedOn);
    }
    if (records.length)
      yield await planPage(
        ctx,
        mapping,
        flow,
        { ...page, records },
        { ...request, oneOff: request.mode === "one-off" },
      );
  }
}
