import { randomUUID } from "node:crypto";
import { carries, flowsOf, sourceSide, type Flow, type Side } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { AppError } from "@/lib/errors";
import { recoverIntents } from "./coupling-intents";
import { couplingsByIds } from "./coupling-store";
import { findMapping, type EngineContext } from "./engine-context";
import { MappingLease } from "./mapping-lease";
import { runPass, type PassRequest, type PassResult } from "./run-pass";

export type RunRequest = Omit<PassRequest, "children" | "ids"> & {
  /** One-off work on these records of one side; each pass reads them, or their coupled counterparts, as its source. */
  records?: { side: Side; ids: string[] };
  /** Only this direction; default: the mapping's (To first, then From for bidirectional, §4.1). */
  direction?: Flow;
  /** Who holds the lease; one run per mapping at a time across processes. */
  holder?: string;
  /** Wait this long for a running run of the same mapping to finish; 0 fails at once. */
  waitMs?: number;
  /** The caller already holds the mapping's lease (coupling jobs that sync afterwards). */
  leaseHeld?: boolean;
};

export type RunResult = { mappingName: string; passes: PassResult[] };

/** Document lines of a header mapping: mappings whose parent it is. */
export function childMappings(ctx: EngineContext, mapping: TableMapping): TableMapping[] {
  return ctx.config.mappings.filter((m) => m.parent === mapping.name);
}

/** The field of a line that points at its header, on the side the lines are read from. */
function linkField(child: TableMapping, parent: string, flow: Flow): string | undefined {
  return child.fields.find((f) => f.lookup?.mapping === parent && f[sourceSide(flow)] && carries(f.direction, flow))?.[
    sourceSide(flow)
  ];
}

/** The given records as ids on `side`: themselves, or their coupled counterparts (uncoupled ones drop out). */
async function idsFor(
  ctx: EngineContext,
  mapping: TableMapping,
  records: { side: Side; ids: string[] },
  side: Side,
): Promise<string[]> {
  if (records.side === side) return records.ids;
  const coupled = await couplingsByIds(ctx.db, ctx.pairId, mapping.name, records.side, records.ids);
  return [...coupled.values()].map((c) => (side === "erp" ? c.erpId : c.crmId));
}

async function acquire(ctx: EngineContext, mapping: TableMapping, request: RunRequest): Promise<MappingLease> {
  const holder = request.holder ?? `run:${randomUUID()}`;
  const names = [mapping.name, ...childMappings(ctx, mapping).map((c) => c.name)];
  const deadline = Date.now() + (request.waitMs ?? 0);
  for (;;) {
    const lease = await MappingLease.acquire(ctx.db, mapping.name, holder, ctx.settings.leaseTtlMs, names);
    if (lease) return lease;
    if (Date.now() >= deadline)
      throw new AppError(
        "CONFLICT",
        `A run of ${mapping.name} is in progress; this one did not start. Try again when it has finished.`,
      );
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Runs one table mapping: its passes in order, each followed by its document lines for the headers it wrote, while
 * holding the mapping's lease. A dry run holds nothing and writes nothing.
 */
export async function runMapping(ctx: EngineContext, name: string, request: RunRequest): Promise<RunResult> {
  const mapping = findMapping(ctx.config, name);
  const flows = request.direction ? [request.direction] : flowsOf(mapping.direction);
  const lease = request.dryRun || request.leaseHeld ? null : await acquire(ctx, mapping, request);
  const renew = setInterval(() => void lease?.renew().catch(() => {}), Math.max(250, ctx.settings.leaseTtlMs / 3));
  const run: EngineContext = { ...ctx, onProgress: async () => void (await ctx.onProgress?.()) };
  const passes: PassResult[] = [];
  try {
    // Before any pass reads: what a crashed run created is coupled first, so neither direction creates it again.
    // If that cannot be read now, the intents stay for the next run, and the keys still stop a second create.
    const recovered = request.dryRun
      ? {}
      : await recoverIntents(ctx, mapping).catch(() => ({}) as Awaited<ReturnType<typeof recoverIntents>>);
    for (const child of request.dryRun ? [] : childMappings(ctx, mapping))
      await recoverIntents(ctx, child).catch(() => {});
    // Each recovered coupling is counted on the pass of its direction, or on the first one if that direction does not run.
    const elsewhere = Object.entries(recovered).reduce(
      (n, [flow, count]) => (flows.includes(flow as Flow) ? n : n + (count ?? 0)),
      0,
    );
    for (const [index, flow] of flows.entries()) {
      const ids = request.records ? await idsFor(ctx, mapping, request.records, sourceSide(flow)) : undefined;
      const pass = await runPass(run, mapping, flow, {
        ...request,
        ids,
        recovered: (recovered[flow] ?? 0) + (index === 0 ? elsewhere : 0),
      });
      passes.push(pass);
      if (pass.connectionFailed) break; // the other passes need the same connections: one job says what to fix
      if (pass.status === "held") break; // the mapping waits for an admin's decision, both directions
      for (const child of childMappings(ctx, mapping)) {
        const field = linkField(child, mapping.name, flow);
        if (!field || !carries(child.direction, flow) || !pass.written.length || request.dryRun) continue;
        passes.push(
          await runPass(run, child, flow, {
            ...request,
            createUncoupled: true,
            children: { linkField: field, parentIds: pass.written },
          }),
        );
      }
    }
  } finally {
    clearInterval(renew);
    await lease?.release().catch(() => {});
  }
  return { mappingName: mapping.name, passes };
}
