import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { FilterAst } from "@/lib/mapping/model/filter";
import type { ConnectorErrorCode } from "./odata/connector-error";

/** A record as the engine sees it, whatever system it came from: values under their catalog field names. */
export type ConnectorRecord = {
  id: string;
  /** ISO instant, or null for entities without one (option values, BC document lines). */
  modifiedOn: string | null;
  etag: string | null;
  /** Dataverse: the systemuser who last wrote it (echo suppression); null on Business Central. */
  modifiedBy: string | null;
  values: Record<string, unknown>;
  /** The idempotency key the record was created with, where the system keeps it in the record (see WriteOperation.key). */
  key?: string | null;
};

/** Where the next incremental read starts: a modified-on watermark, or a Dataverse delta link. */
export type ChangeCursor = { watermark?: string | null; deltaToken?: string | null };

export type ChangePage = { records: ConnectorRecord[]; deleted: string[] };

export type ReadChangesRequest = {
  entity: string;
  since?: ChangeCursor;
  filter?: FilterAst;
  /** Catalog field names; key, modified-on (and modified-by) are always read. */
  select?: string[];
  /** "track-changes" (Dataverse only): a delta link, which also reports deletes; the filter then runs client-side. */
  mode?: "watermark" | "track-changes";
  pageSize?: number;
};

/** A lookup value that names its target when the field can point to several entities. */
export type LookupValue = { id: string; entity: string };

export type WriteOperation = {
  kind: "create" | "update" | "upsert" | "delete";
  id?: string;
  values?: Record<string, unknown>;
  /** update/delete: the ETag read before (optimistic concurrency); absent ⇒ `*`. */
  etag?: string | null;
  /** Echoed in the result so the caller can match results to its records. */
  ref?: string;
  /**
   * create: an idempotency key that travels in the created record (Dataverse: the id is derived from it; Business
   * Central: Tandem's integration-key field, unique per table). A second create with the same key fails with
   * DUPLICATE instead of making a second record, and `findByKeys` finds the record it made.
   */
  key?: string;
};

export type WriteResult =
  | { ok: true; ref?: string; id: string; modifiedOn: string | null; etag: string | null }
  | {
      ok: false;
      ref?: string;
      id?: string;
      /** `wholeRequest`: the request carrying this operation failed as a whole (5xx, 429, timeout after retries). */
      error: {
        code: ConnectorErrorCode;
        status?: number;
        serviceCode?: string;
        message: string;
        wholeRequest?: boolean;
      };
    };

/**
 * Where a system keeps a create's idempotency key (WriteOperation.key) for an entity: in the record's id, when the
 * system takes ids a client chooses; in a field of the record; or nowhere, so a repeated create makes a second record
 * and a create whose coupling was never stored cannot be found again (a connector then never marks a failed create
 * `wholeRequest`: it may have landed, and resending it could duplicate it).
 */
export type CreateKeyHome = "record-id" | "key-field" | "none";

/**
 * One connected system, as the sync engine uses it; everything system-specific stays behind this. The engine knows
 * sides (erp, crm), never systems: what it needs to know about one is a capability here.
 */
export interface Connector {
  readonly system: "erp" | "crm";
  /** The system's name as its users know it, for messages ("coupled to a deleted … record"). */
  readonly displayName: string;
  /** What to check when the service refuses a token it has just issued: the system's own setup step. */
  readonly accessHint: string;
  /**
   * Where this entity's records keep their idempotency key. Whatever the home, a repeated create with a kept key fails
   * with the normalised code DUPLICATE (never the service's own code), and `findByKeys` finds the record it made.
   */
  createKeys(entity: string): Promise<CreateKeyHome>;
  describe(entities?: string[]): Promise<SchemaCatalog>;
  whoAmI(): Promise<{ userId: string | null }>;
  /** Streams pages of changed records (and deletes, where the system reports them); returns the next cursor. */
  readChanges(request: ReadChangesRequest): AsyncGenerator<ChangePage, ChangeCursor>;
  readByIds(entity: string, ids: string[], select?: string[]): Promise<ConnectorRecord[]>;
  /** Of these ids, the ones that no longer exist: how deletes are found without change tracking. */
  findMissing(entity: string, ids: string[]): Promise<string[]>;
  /**
   * Writes in batches up to the system's cap; one result per operation, in order. A batch that fails as a whole
   * answers a failed result per operation (`wholeRequest`); only connection failures throw (isConnectionFailure).
   */
  write(entity: string, operations: WriteOperation[], options?: { atomic?: boolean }): Promise<WriteResult[]>;
  /**
   * How many records match. Without `exact` a system may answer an estimate (Dataverse's RetrieveTotalRecordCount is a
   * snapshot up to a day old): fine for progress bars, never for a decision. `upTo`: the answer must be exact only up
   * to this number (past it, any number ≥ upTo will do), which spares reading every key of a large table.
   */
  count(entity: string, filter?: FilterAst, options?: { exact?: boolean; upTo?: number }): Promise<number>;
  /** The records created with these idempotency keys, by key; keys no record carries are absent. */
  findByKeys(entity: string, keys: string[]): Promise<Map<string, ConnectorRecord>>;
}
