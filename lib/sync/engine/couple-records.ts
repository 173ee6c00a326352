import { randomUUID } from "node:crypto";
import { carries, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { insertCouplings } from "./coupling-store";
import { findMapping, type EngineContext } from "./engine-context";
import { JobRecorder } from "./job-recorder";
import { MappingLease } from "./mapping-lease";
import { matchPages } from "./match-pages";
import { runMapping, type RunResult } from "./run-mapping";
import { AppError } from "@/lib/errors";
import { createsOnNoMatch } from "../plan/match-records";

export type CoupleRequest = {
  trigger: string;
  /** Only these ERP records; default: every ERP record within the mapping's filter. */
  ids?: string[];
  /** Default: the mapping's "create new in case of no match". Never creates in a mapping that carries nothing into the CRM. */
  createIfNoMatch?: boolean;
  /** Default: the mapping's "sync after coupling". */
  syncAfter?: boolean;
  startedBy?: string | null;
  holder?: string;
};

export type CoupleResult = {
  jobId: string;
  coupled: number;
  unmatched: number;
  created?: RunResult;
  synced?: RunResult;
};

/** BC's direction for syncing after bulk coupling (§3.3 step 5): the mapping's, or for two-way ones the winner's. */
export function syncAfterCouplingDirection(mapping: TableMapping): Flow | undefined {
  if (mapping.direction !== "bidirectional") return mapping.direction;
  if (mapping.conflicts.update === "erp-wins") return "erp-to-crm";
  if (mapping.conflicts.update === "crm-wins") return "crm-to-erp";
  return undefined;
}

/**
 * Match-based coupling (BC's CoupleRecords, §3.3) as a Coupling job: each uncoupled ERP record is coupled to its
 * unique uncoupled match; the rest are created in the CRM when the mapping says so, or counted as failed with one
 * error; the coupled records are then synchronized if the mapping asks for it.
 */
export async function coupleByMatch(ctx: EngineContext, name: string, request: CoupleRequest): Promise<CoupleResult> {
  const mapping = findMapping(ctx.config, name);
  if (!mapping.match)
    throw new AppError(
      "VALIDATION_FAILED",
      `You must specify which fields of ${mapping.name} are used for match-based coupling.`,
    );
  const holder = request.holder ?? `couple:${randomUUID()}`;
  const lease = await MappingLease.acquire(ctx.db, mapping.name, holder, ctx.settings.leaseTtlMs);
  if (!lease) throw new AppError("CONFLICT", `A run of ${mapping.name} is in progress; coupling did not start.`);
  const job = await JobRecorder.start(ctx.db, {
    pairId: ctx.pairId,
    mappingName: mapping.name,
    direction: "erp-to-crm",
    type: "coupling",
    trigger: request.trigger,
    mode: "coupling",
    configVersion: ctx.config.version,
    startedBy: request.startedBy,
  });
  const coupledIds: string[] = [];
  const unmatched: string[] = [];
  const createIfNoMatch =
    request.createIfNoMatch === undefined
      ? createsOnNoMatch(mapping)
      : request.createIfNoMatch && carries(mapping.direction, "erp-to-crm");
  try {
    for await (const { free, matches } of matchPages(ctx, mapping, request.ids)) {
      const rows = [...matches].map(([erpId, crm]) => ({
        mappingName: mapping.name,
        erpId: free.find((r) => r.id.toLowerCase() === erpId)!.id,
        crmId: crm.id,
        erpModifiedOn: null,
        crmModifiedOn: null,
      }));
      const inserted = await insertCouplings(ctx.db, ctx.pairId, rows);
      job.count("coupled", inserted.size);
      coupledIds.push(...rows.filter((r) => inserted.has(r.erpId.toLowerCase())).map((r) => r.erpId));
      unmatched.push(...free.filter((r) => !inserted.has(r.id.toLowerCase())).map((r) => r.id));
      await job.flush();
      await lease.renew();
    }
    if (unmatched.length && !createIfNoMatch) {
      job.count("failed", unmatched.length);
      job.error({
        code: "COUPLING_FAILED",
        message: `Failed to couple ${unmatched.length} record(s), because no unique uncoupled matching record was found.`,
        payload: { ids: unmatched.slice(0, 1000) },
      });
    }
    await job.finish("succeeded");
  } catch (error) {
    await job.finish("failed", error instanceof Error ? error.message : String(error));
    await lease.release();
    throw error;
  }
  const result: CoupleResult = { jobId: job.id, coupled: coupledIds.length, unmatched: unmatched.length };
  try {
    if (unmatched.length && createIfNoMatch) {
      result.created = await runMapping(ctx, mapping.name, {
        trigger: request.trigger,
        mode: "one-off",
        records: { side: "erp", ids: unmatched },
        direction: "erp-to-crm",
        createUncoupled: true,
        force: true,
        leaseHeld: true,
        startedBy: request.startedBy,
      });
    }
    if (coupledIds.length && (request.syncAfter ?? mapping.match.syncAfterCoupling)) {
      // Force, like BC's one-off clones: freshly coupled records have no sync history, so both would look changed.
      const direction = syncAfterCouplingDirection(mapping);
      result.synced = await runMapping(ctx, mapping.name, {
        trigger: request.trigger,
        mode: "one-off",
        records: { side: "erp", ids: coupledIds },
        direction,
        force: true,
        leaseHeld: true,
        startedBy: request.startedBy,
      });
    }
  } finally {
    await lease.release();
  }
  return result;
}
