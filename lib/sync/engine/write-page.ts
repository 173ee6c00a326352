import { isConnectionFailure } from "@/lib/connectors/odata/connector-error";
import { sourceSide, targetSide, type Flow, type Side } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { earlierInstant } from "../decide/change-detection";
import { repeatsLastFailure } from "../decide/failure-marker";
import type { RecordError } from "../model/sync-error-codes";
import type { WrittenRecord } from "../rules/sync-rule";
import {
  deleteCouplings,
  insertCouplings,
  updateCouplings,
  type CouplingUpdate,
  type NewCoupling,
} from "./coupling-store";
import { ruleContext, timed, type EngineContext } from "./engine-context";
import type { JobRecorder } from "./job-recorder";
import type { PlannedRecord } from "./plan-page";
import { dropIntents } from "./coupling-intents";
import { crashPoint } from "./crash-points";
import { isolatedWrite } from "./isolated-write";
import { passingError, writeError } from "./write-errors";
import { writeCreates, type CreateOutcome } from "./write-creates";

/**
 * `unwritten.oldest`: the oldest uncoupled source record the service could not take (SERVICE_UNAVAILABLE); it has no
 * coupling to be retried by, so the watermark stops before it and the next run reads it again.
 */
export type WriteScope = {
  ctx: EngineContext;
  mapping: TableMapping;
  flow: Flow;
  job: JobRecorder;
  written: string[];
  keepWritten?: boolean;
  unwritten?: { oldest: string | null };
};

type Insert = PlannedRecord & { plan: { action: "insert" } };
type Modify = PlannedRecord & { plan: { action: "modify" } };

const stamp = (side: Side, modifiedOn: string | null | undefined, etag?: string | null): Partial<CouplingUpdate> =>
  side === "erp"
    ? { erpModifiedOn: modifiedOn ?? null, erpEtag: etag ?? null }
    : { crmModifiedOn: modifiedOn ?? null, crmEtag: etag ?? null };

/**
 * Carries out one page's plans: the writes into the destination, in batches. Returns the page's bookkeeping
 * (couplings, intents, rules' side effects) to run after, so it can overlap the next page's writes.
 */
export async function writePage(scope: WriteScope, planned: PlannedRecord[]): Promise<() => Promise<void>> {
  const { ctx, mapping, flow, job } = scope;
  const from = sourceSide(flow);
  const into = targetSide(flow);
  const updates: CouplingUpdate[] = [];
  const uncouple: string[] = [];
  const written: WrittenRecord[] = [];
  const fail = (item: PlannedRecord, error: RecordError, attempted?: Record<string, unknown>) => {
    job.count("failed");
    const { source, coupling } = item.record;
    job.error({
      ...error,
      sourceId: source.id,
      destinationId: coupling ? (into === "erp" ? coupling.erpId : coupling.crmId) || null : null,
      payload: attempted ?? null,
    });
    if (!coupling?.id && passingError(error) && scope.unwritten)
      scope.unwritten.oldest = earlierInstant(scope.unwritten.oldest, source.modifiedOn);
    if (coupling?.id)
      updates.push({
        id: coupling.id,
        into,
        result: "failure",
        error: error.message,
        jobId: job.id,
        skip: !passingError(error) && repeatsLastFailure(coupling, into, error.message),
      });
  };

  await coupleMatched(scope, planned);
  await adoptOrphans(scope, planned);
  const inserts: Insert[] = [];
  const modifies: Modify[] = [];
  for (const item of planned) {
    const { plan, record } = item;
    const couplingId = record.coupling?.id;
    switch (plan.action) {
      case "ignore":
        break;
      case "skip":
        job.count("skipped");
        if (plan.conflict && couplingId) {
          job.conflict({ ...plan.conflict, erpId: record.coupling!.erpId, crmId: record.coupling!.crmId });
          updates.push({
            id: couplingId,
            into,
            result: "failure",
            error: "UPDATE_CONFLICT: waiting for a person to decide",
            jobId: job.id,
            skip: true,
          });
        }
        break;
      case "unchanged":
        job.count("unchanged");
        // Only the source's stamp moves: the destination may have changed meanwhile, and the opposite pass must see it.
        if (couplingId)
          updates.push({
            id: couplingId,
            ...stamp(from, record.source.modifiedOn, record.source.etag),
            into,
            result: "success",
            error: null,
            jobId: job.id,
            ...(into === "erp" ? { pendingCrm: false } : {}),
          });
        break;
      case "insert":
        inserts.push(item as Insert);
        break;
      case "modify":
        modifies.push(item as Modify);
        break;
      case "uncouple":
        job.count("uncoupled");
        job.conflict({ ...plan.conflict, erpId: record.coupling!.erpId, crmId: record.coupling!.crmId });
        uncouple.push(couplingId!);
        break;
      case "fail":
        fail(item, plan.error, plan.attempted);
        break;
    }
  }

  const created = await timed(ctx, "write creates", () => writeCreates(ctx, mapping, flow, inserts));
  const fresh: NewCoupling[] = [];
  created.outcomes.forEach((outcome: CreateOutcome, index) => {
    const item = inserts[index]!;
    if (!outcome.ok) return fail(item, outcome.error, item.plan.values);
    const { source } = item.record;
    job.count("inserted");
    written.push({ source, destinationId: outcome.id, values: item.plan.values, created: true });
    const restored = item.plan.restoredFrom;
    if (item.plan.conflict && restored)
      job.conflict({ ...item.plan.conflict, erpId: restored.erpId, crmId: restored.crmId });
    if (restored) {
      updates.push({
        id: restored.id,
        ...(into === "erp" ? { erpId: outcome.id } : { crmId: outcome.id }),
        ...stamp(from, source.modifiedOn, source.etag),
        ...stamp(into, outcome.modifiedOn, outcome.etag),
        into,
        result: "success",
        error: null,
        jobId: job.id,
      });
      return;
    }
    const [erpId, crmId] = into === "crm" ? [source.id, outcome.id] : [outcome.id, source.id];
    fresh.push({
      mappingName: mapping.name,
      erpId,
      crmId,
      [`${from}ModifiedOn`]: source.modifiedOn,
      [`${from}Etag`]: source.etag,
      [`${into}ModifiedOn`]: outcome.modifiedOn,
      [`${into}Etag`]: outcome.etag,
      into,
      jobId: job.id,
    } as NewCoupling);
  });
  if (modifies.length) {
    const results = await timed(ctx, "write updates", () =>
      isolatedWrite(
        ctx.connectors[into],
        mapping[into].entity,
        modifies.map((item, index) => ({
          kind: "update" as const,
          id: destinationId(item, into),
          values: item.plan.values,
          etag: item.record.destination?.etag ?? null,
          ref: String(index),
        })),
      ),
    );
    results.forEach((result, index) => {
      const item = modifies[index]!;
      if (!result.ok) return fail(item, writeError(result), item.plan.values);
      job.count("modified");
      written.push({ source: item.record.source, destinationId: result.id, values: item.plan.values, created: false });
      if (item.plan.conflict)
        job.conflict({ ...item.plan.conflict, erpId: item.record.coupling!.erpId, crmId: item.record.coupling!.crmId });
      // When both sides changed, the other side's stamp stays put so the opposite pass still sees its change.
      // Our write makes the integration user the CRM record's last writer: the CRM→ERP pass must still take its change.
      const intoStamp = item.plan.bothModified ? {} : stamp(into, result.modifiedOn, result.etag);
      const pending = into === "crm" ? (item.plan.bothModified ? { pendingCrm: true } : {}) : { pendingCrm: false };
      updates.push({
        id: item.record.coupling!.id,
        ...stamp(from, item.record.source.modifiedOn, item.record.source.etag),
        ...intoStamp,
        ...pending,
        into,
        result: "success",
        error: null,
        jobId: job.id,
      });
    });
  }

  // What follows is bookkeeping only: the caller runs it while the next page is written.
  return async () => {
    const inserted = await timed(ctx, "store couplings", () => insertCouplings(ctx.db, ctx.pairId, fresh));
    crashPoint(`couplings-committed:${into}`);
    for (const row of fresh) {
      if (inserted.has(row.erpId.toLowerCase())) continue;
      job.count("inserted", -1);
      job.count("failed");
      job.error({
        code: "ALREADY_COUPLED",
        message: `The created record ${into === "crm" ? row.crmId : row.erpId} could not be coupled: one of the two records is already coupled in ${mapping.name}.`,
        sourceId: into === "crm" ? row.erpId : row.crmId,
      });
    }

    await timed(ctx, "store couplings", async () => {
      await deleteCouplings(ctx.db, uncouple);
      await updateCouplings(ctx.db, updates);
      await dropIntents(ctx, created.intents);
    });
    if (written.length) {
      for (const rule of ctx.rules) {
        if (!rule.afterWrite || !rule.appliesTo(mapping, flow)) continue;
        try {
          await rule.afterWrite(ruleContext(ctx), mapping, flow, written);
        } catch (error) {
          if (isConnectionFailure(error)) throw error;
          job.error({
            code: "RULE_FAILED",
            message: `The rule ${rule.name} failed after writing ${written.length} record(s): ${error instanceof Error ? error.message : String(error)}`,
          });
        }
      }
    }
    if (scope.keepWritten) scope.written.push(...written.map((w) => w.source.id));
  };
}

const destinationId = (item: PlannedRecord, into: Side): string =>
  into === "erp" ? item.record.coupling!.erpId : item.record.coupling!.crmId;

/** Records coupled by match in this pass get their coupling before anything is written to them. */
async function coupleMatched(scope: WriteScope, planned: PlannedRecord[]): Promise<void> {
  const matched = planned.filter((item) => item.matched && item.record.coupling);
  if (!matched.length) return;
  const rows: NewCoupling[] = matched.map((item) => ({
    mappingName: scope.mapping.name,
    erpId: item.record.coupling!.erpId,
    crmId: item.record.coupling!.crmId,
    erpModifiedOn: null,
    crmModifiedOn: null,
  }));
  const inserted = await insertCouplings(scope.ctx.db, scope.ctx.pairId, rows);
  for (const item of matched) {
    const id = inserted.get(item.record.coupling!.erpId.toLowerCase());
    if (!id) {
      item.plan = {
        action: "fail",
        error: { code: "ALREADY_COUPLED", message: "The matching record was coupled by someone else meanwhile." },
      };
      continue;
    }
    scope.job.count("coupled");
    item.record = { ...item.record, coupling: { ...item.record.coupling!, id } };
  }
}

/** Orphans this mapping created get their coupling back before the page's writes (nothing is written to them). */
async function adoptOrphans(scope: WriteScope, planned: PlannedRecord[]): Promise<void> {
  const rows = planned.flatMap((item) => (item.adopt ? [item.adopt] : []));
  if (rows.length) scope.job.count("coupled", (await insertCouplings(scope.ctx.db, scope.ctx.pairId, rows)).size);
}
