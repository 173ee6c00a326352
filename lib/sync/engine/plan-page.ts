import type { ConnectorRecord } from "@/lib/connectors/connector";
import { findEntity } from "@/lib/mapping/model/catalog";
import { sourceSide, targetSide, type Flow } from "@/lib/mapping/model/direction";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { ConnectorError, isConnectionFailure } from "@/lib/connectors/odata/connector-error";
import { decideRecord } from "../decide/decide-record";
import { skipsIntegrationUserRows } from "../decide/echo-suppression";
import type { CouplingState } from "../model/coupling-state";
import type { RecordCase, RecordPlan } from "../model/record-plan";
import type { RuleOutcome } from "../rules/sync-rule";
import type { CandidatePage } from "./candidates";
import { orphanCouplings } from "./adopt-orphans";
import { couplingsByIds, type NewCoupling } from "./coupling-store";
import { integrationUser, ruleContext, timed, type EngineContext } from "./engine-context";
import { prepareLookups } from "./lookup-resolver";
import { matchUncoupled } from "./match-uncoupled";

export type PassOptions = {
  /** One-off work: write every picked record even when unchanged (BC's ForceModify). */
  force?: boolean;
  /** Create uncoupled records although the mapping syncs only coupled ones. */
  createUncoupled?: boolean;
  /** Before creating, couple to a unique match (full synchronization). */
  matchBeforeCreate?: boolean;
  oneOff?: boolean;
};

/**
 * A planned record; `matched` is a destination coupled by match in this pass, to couple before writing; `adopt` is
 * the coupling an orphan this mapping created gets back (see adopt-orphans.ts).
 */
export type PlannedRecord = { record: RecordCase; plan: RecordPlan; matched?: boolean; adopt?: NewCoupling };

const NEW_COUPLING = (source: ConnectorRecord, destination: ConnectorRecord, flow: Flow): CouplingState => ({
  id: "",
  erpId: flow === "erp-to-crm" ? source.id : destination.id,
  crmId: flow === "erp-to-crm" ? destination.id : source.id,
  lastSyncedErpModifiedOn: null,
  lastSyncedCrmModifiedOn: null,
  erpEtag: null,
  crmEtag: null,
  lastResultErp: null,
  lastResultCrm: null,
  lastErrorErp: null,
  lastErrorCrm: null,
  skipped: false,
});

async function ruleOutcomes(ctx: EngineContext, mapping: TableMapping, flow: Flow, records: ConnectorRecord[]) {
  const answers: ((record: ConnectorRecord) => RuleOutcome | undefined)[] = [];
  for (const rule of ctx.rules) {
    if (!rule.appliesTo(mapping, flow) || !rule.preparePage) continue;
    try {
      answers.push(await rule.preparePage(ruleContext(ctx), mapping, flow, records));
    } catch (error) {
      // A rule that cannot prepare the page fails that page's records, not the job; a dead connection ends the job.
      if (isConnectionFailure(error)) throw error;
      const failure: RuleOutcome = {
        error: {
          code: "RULE_PAGE_FAILED",
          message: `The rule ${rule.name} failed while preparing these records: ${error instanceof Error ? error.message : String(error)}`,
        },
      };
      answers.push(() => failure);
    }
  }
  return (record: ConnectorRecord): RuleOutcome => {
    const merged: RuleOutcome = {};
    for (const answer of answers) {
      const outcome = answer(record);
      if (!outcome) continue;
      merged.values = { ...merged.values, ...outcome.values };
      merged.createOnly = { ...merged.createOnly, ...outcome.createOnly };
      merged.error ??= outcome.error;
      merged.ignore ??= outcome.ignore;
    }
    return merged;
  };
}

/** The other side of a page: coupled destinations, orphans to adopt, matches to couple, lookup targets. */
async function readAround(
  ctx: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  records: ConnectorRecord[],
  uncoupled: ConnectorRecord[],
  coupled: Map<string, CouplingState>,
  options: PassOptions,
) {
  const into = targetSide(flow);
  const destinationIds = [...coupled.values()].map((c) => (into === "erp" ? c.erpId : c.crmId));
  const destinations = new Map(
    (destinationIds.length
      ? await timed(ctx, "read destinations", () =>
          ctx.connectors[into].readByIds(mapping[into].entity, destinationIds),
        )
      : []
    ).map((r) => [r.id.toLowerCase(), r]),
  );
  const creating = !mapping.syncOnlyCoupled || options.createUncoupled;
  // Only where the pass would create: an uncouple a person made in a mapping that syncs coupled records stays.
  const orphans = creating ? await orphanCouplings(ctx, mapping, flow, uncoupled) : new Map<string, NewCoupling>();
  const matches =
    creating && options.matchBeforeCreate
      ? await matchUncoupled(ctx, mapping, sourceSide(flow), uncoupled)
      : new Map<string, ConnectorRecord>();
  const lookups = await timed(ctx, "lookups", () => prepareLookups(ctx, mapping, flow, records));
  return { destinations, orphans, matches, lookups };
}

/** Reads what one page of source records needs (couplings, destinations, lookups, rules) and decides each record. */
export async function planPage(
  ctx: EngineContext,
  mapping: TableMapping,
  flow: Flow,
  page: CandidatePage,
  options: PassOptions,
): Promise<PlannedRecord[]> {
  const from = sourceSide(flow);
  const into = targetSide(flow);
  const echoUser = skipsIntegrationUserRows(flow, Boolean(options.oneOff)) ? await integrationUser(ctx) : null;
  const coupled = await timed(ctx, "couplings", () =>
    couplingsByIds(
      ctx.db,
      ctx.pairId,
      mapping.name,
      from,
      page.records.map((r) => r.id),
    ),
  );
  const ours = (r: ConnectorRecord) =>
    echoUser !== null && r.modifiedBy?.toLowerCase() === echoUser && !coupled.get(r.id.toLowerCase())?.pendingCrmChange;
  const records = page.retry ? page.records : page.records.filter((r) => !ours(r));
  const uncoupled = records.filter((r) => !coupled.has(r.id.toLowerCase()));
  let read: Awaited<ReturnType<typeof readAround>>;
  try {
    read = await readAround(ctx, mapping, flow, records, uncoupled, coupled, options);
  } catch (error) {
    // What the page needs could not be read after retries: its records fail and are retried, the job goes on.
    if (isConnectionFailure(error) || !(error instanceof ConnectorError)) throw error;
    const failure = {
      action: "fail",
      error: { code: "READ_FAILED", message: `What these records need could not be read: ${error.message}` },
    } as const;
    return records.map((source) => ({
      record: {
        source,
        coupling: coupled.get(source.id.toLowerCase()) ?? null,
        destination: null,
        destinationMissing: false,
        retry: page.retry,
      },
      plan: failure,
    }));
  }
  const { destinations, orphans, matches, lookups } = read;
  const rules = await timed(ctx, "rules", () => ruleOutcomes(ctx, mapping, flow, records));
  const target = findEntity(ctx.catalogs[into], mapping[into].entity);
  const planned: PlannedRecord[] = [];
  const decideStarted = performance.now();
  for (const source of records) {
    const adopt = orphans.get(source.id.toLowerCase());
    if (adopt) {
      planned.push({
        record: { source, coupling: null, destination: null, destinationMissing: false, retry: page.retry },
        plan: { action: "ignore", reason: "Created by this mapping from the other system; its coupling is restored." },
        adopt,
      });
      continue;
    }
    const outcome = rules(source);
    const matched = matches.get(source.id.toLowerCase());
    const coupling = coupled.get(source.id.toLowerCase()) ?? (matched ? NEW_COUPLING(source, matched, flow) : null);
    const destination =
      matched ??
      (coupling ? (destinations.get((into === "erp" ? coupling.erpId : coupling.crmId).toLowerCase()) ?? null) : null);
    const record: RecordCase = {
      source,
      coupling,
      destination,
      destinationMissing: Boolean(coupling) && !destination,
      retry: page.retry,
    };
    if (outcome.ignore) {
      planned.push({ record, plan: { action: "ignore", reason: outcome.ignore } });
      continue;
    }
    const error = outcome.error ? ({ action: "fail", error: outcome.error } as const) : undefined;
    const plan = await decideRecord({
      mapping,
      flow,
      record,
      lookups,
      target,
      destinationName: ctx.connectors[into].displayName,
      options: {
        force: options.force || Boolean(matched),
        createUncoupled: options.createUncoupled,
        extra: { values: outcome.values, createOnly: outcome.createOnly, error },
      },
    });
    planned.push({ record, plan, matched: Boolean(matched) });
  }
  if (ctx.timer) ctx.timer.totals.decide = (ctx.timer.totals.decide ?? 0) + performance.now() - decideStarted;
  return planned;
}
