import type { Connector, ConnectorRecord } from "@/lib/connectors/connector";
import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { Flow, Side } from "@/lib/mapping/model/direction";
import type { RuntimeConfig } from "@/lib/mapping/model/runtime-config";
import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import type { CouplingState } from "../model/coupling-state";
import type { RecordError } from "../model/sync-error-codes";
import type { Recommendation } from "../plan/full-sync-plan";

/** What a rule may use: both systems, the config, other mappings' couplings, and a cache that lives for one run. */
export type RuleContext = {
  config: RuntimeConfig;
  connectors: Record<Side, Connector>;
  catalogs: Record<Side, SchemaCatalog>;
  couplingsOf: (mappingName: string, side: Side, ids: string[]) => Promise<Map<string, CouplingState>>;
  cache: Map<string, unknown>;
};

/** A rule's word on one record: values to add (always, or only when creating), a refusal, or leave it out. */
export type RuleOutcome = {
  values?: Record<string, unknown>;
  createOnly?: Record<string, unknown>;
  error?: RecordError;
  ignore?: string;
};

export type WrittenRecord = {
  source: ConnectorRecord;
  destinationId: string;
  values: Record<string, unknown>;
  created: boolean;
};

/**
 * Integration rules that belong to an entity pair rather than to the engine (BC's per-table subscribers, reference §8):
 * contact parents and owners, currencies by ISO code, default price lists, units. The engine calls every rule that
 * applies to a mapping's entities and a flow, per page, so rules fetch what they need once per page.
 */
export interface SyncRule {
  readonly name: string;
  appliesTo(mapping: TableMapping, flow: Flow): boolean;
  /** Fetch what the page needs, then answer per record. */
  preparePage?(
    ctx: RuleContext,
    mapping: TableMapping,
    flow: Flow,
    records: ConnectorRecord[],
  ): Promise<(record: ConnectorRecord) => RuleOutcome | undefined>;
  /** After records were created or changed in the destination: side effects such as price list items. */
  afterWrite?(ctx: RuleContext, mapping: TableMapping, flow: Flow, written: WrittenRecord[]): Promise<void>;
  /** The CRM record a blank ERP value of this lookup stands for (the local currency ↔ the CRM's base currency). */
  blankErpMeans?(ctx: RuleContext, lookupMapping: TableMapping): Promise<{ id: string; entity: string } | null>;
  /** A recommendation for the full synchronization that knows more than record counts (§5.4). */
  recommend?(
    ctx: RuleContext,
    mapping: TableMapping,
    counts: { erp: number; crm: number },
  ): Promise<Recommendation | undefined>;
  /** false: the mapping is no line of a full synchronization at all (§5.4: sales orders outside bidirectional order mode). */
  fullSyncLine?(mapping: TableMapping): boolean | undefined;
}

export type RuleError = RecordError;
