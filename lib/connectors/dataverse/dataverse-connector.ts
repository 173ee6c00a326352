import type { CatalogEntity, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { findEntity, findField } from "@/lib/mapping/model/catalog";
import { f, type FilterAst } from "@/lib/mapping/model/filter";
import { toODataFilter } from "@/lib/mapping/filter/odata-filter";
import { toPredicate } from "@/lib/mapping/filter/filter-predicate";
import { iterate } from "../business-central/business-central-connector";
import type {
  ChangeCursor,
  ChangePage,
  Connector,
  ConnectorRecord,
  CreateKeyHome,
  ReadChangesRequest,
  WriteOperation,
  WriteResult,
} from "../connector";
import type { CommonConnectorOptions } from "../connector-options";
import { ConnectorError, failedOperation, isConnectionFailure } from "../odata/connector-error";
import { ODataClient, withQuery } from "../odata/odata-client";
import { chunk, followPages, GUID, laterOf } from "../odata/paging";
import { ClientCredentialsTokens } from "../odata/token-provider";
import { checkDataverseAccess } from "../access/dataverse-access";
import type { AccessCheck } from "../access/access-check";
import { describeDataverse } from "./dataverse-describe";
import { recordFromRow, selectList } from "./dataverse-values";
import { writeBatch, writeOne } from "./dataverse-write";
import { idForKey } from "./keyed-id";
import { readOptionRecords, writeOptionRecord } from "./option-set-access";

export const DATAVERSE_MAX_BATCH = 1000;
export const DATAVERSE_MAX_PAGE = 5000;

export type DataverseConnectorOptions = CommonConnectorOptions & {
  /** The Web API root: https://<org>.api.crm.dynamics.com/api/data/v9.2 */
  serviceUrl: string;
  /** Batches sent at once by one write (default 2). */
  writeConcurrency?: number;
};

const ANNOTATIONS = 'odata.include-annotations="OData.Community.Display.V1.FormattedValue"';

export class DataverseConnector implements Connector {
  readonly system = "crm" as const;
  readonly displayName = "Dataverse";
  readonly accessHint = "the app is set up as an enabled application user";
  readonly client: ODataClient;
  private catalogPromise?: Promise<SchemaCatalog>;

  constructor(private readonly options: DataverseConnectorOptions) {
    const tokens =
      options.tokens ??
      (options.credentials
        ? new ClientCredentialsTokens(options.credentials, options.fetch ?? ((r) => fetch(r)))
        : undefined);
    if (!tokens)
      throw new ConnectorError("TOKEN", "The Dataverse connector needs client credentials or a token provider");
    this.client = new ODataClient({
      baseUrl: options.serviceUrl.replace(/\/+$/, ""),
      tokens,
      fetch: options.fetch,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      meter: options.meter,
      sleep: options.sleep,
      random: options.random,
    });
  }

  private catalog(): Promise<SchemaCatalog> {
    this.catalogPromise ??= this.options.catalog ? Promise.resolve(this.options.catalog) : this.describe();
    return this.catalogPromise;
  }

  private async entity(name: string): Promise<CatalogEntity> {
    const entity = findEntity(await this.catalog(), name);
    if (!entity) throw new ConnectorError("NOT_FOUND", `Dataverse has no entity set "${name}"`);
    return entity;
  }

  describe(entities?: string[]): Promise<SchemaCatalog> {
    return describeDataverse(this.client, entities);
  }

  /** Test connection: token, WhoAmI, the integration user, read on the tables behind these entities. */
  async checkAccess(entities: string[]): Promise<AccessCheck[]> {
    const tables = async () => {
      const catalog = await this.catalog().catch(() => null);
      // Choice columns are pseudo-entities (account.paymenttermscode): their table is read, not the column.
      return entities.filter(
        (name) => !name.includes(".") && (catalog ? findEntity(catalog, name)?.kind !== "optionset" : true),
      );
    };
    return checkDataverseAccess(this.client, {
      tokenUrl: this.options.credentials?.tokenUrl ?? "",
      serviceUrl: this.options.serviceUrl,
      tables,
    });
  }

  async whoAmI(): Promise<{ userId: string | null }> {
    const answer = await this.client.json<{ UserId?: string }>("WhoAmI");
    return { userId: answer.UserId ?? null };
  }

  private filterText(entity: CatalogEntity, filter: FilterAst | undefined): string | undefined {
    return filter
      ? toODataFilter(filter, { dialect: "dataverse", field: (name) => findField(entity, name) })
      : undefined;
  }

  private pageHeaders(pageSize: number | undefined, extra: string[] = []): Record<string, string> {
    const size = Math.min(pageSize ?? this.options.pageSize ?? DATAVERSE_MAX_PAGE, DATAVERSE_MAX_PAGE);
    return { Prefer: [`odata.maxpagesize=${size}`, ANNOTATIONS, ...extra].join(",") };
  }

  /**
   * Watermark mode filters on modifiedon (≥, so equal seconds are read again, never missed). Track-changes mode
   * follows a delta link, which also names deleted rows; Dataverse refuses $filter with it, so the filter runs here.
   */
  async *readChanges(request: ReadChangesRequest): AsyncGenerator<ChangePage, ChangeCursor> {
    const entity = await this.entity(request.entity);
    if (entity.kind === "optionset") {
      yield { records: await readOptionRecords(this.client, entity), deleted: [] };
      return request.since ?? {};
    }
    const tracking = request.mode === "track-changes";
    let url: string;
    let keep: ((record: ConnectorRecord) => boolean) | undefined;
    if (tracking) {
      url = request.since?.deltaToken ?? withQuery(entity.name, { $select: selectList(entity, request.select) });
      if (request.filter) {
        const predicate = toPredicate(request.filter, { field: (name) => findField(entity, name) });
        keep = (record) => predicate(record.values);
      }
    } else {
      const since = request.since?.watermark;
      const watermark =
        since && entity.modifiedOn
          ? f.ge(entity.modifiedOn, new Date(since).toISOString().replace(/\.\d{3}Z$/, "Z"))
          : undefined;
      const filter = watermark && request.filter ? f.and(watermark, request.filter) : (watermark ?? request.filter);
      url = withQuery(entity.name, {
        $select: selectList(entity, request.select),
        $filter: this.filterText(entity, filter),
      });
    }
    let latest = request.since?.watermark ?? null;
    let deltaToken: string | null = null;
    const pages = followPages(
      this.client,
      url,
      this.pageHeaders(request.pageSize, tracking ? ["odata.track-changes"] : []),
    );
    for (;;) {
      const { value: page, done } = await pages.next();
      const records: ConnectorRecord[] = [];
      const deleted: string[] = [];
      for (const row of page.value ?? []) {
        if (String(row["@odata.context"] ?? "").endsWith("/$deletedEntity") || row.reason === "deleted")
          deleted.push(String(row.id));
        else records.push(recordFromRow(entity, row));
      }
      for (const record of records) latest = laterOf(latest, record.modifiedOn);
      const kept = keep ? records.filter(keep) : records;
      if (kept.length || deleted.length || !done) yield { records: kept, deleted };
      if (done) {
        deltaToken = page["@odata.deltaLink"] ?? null;
        return tracking
          ? {
              deltaToken: deltaToken ? this.client.resolve(deltaToken, url) : (request.since?.deltaToken ?? null),
              watermark: latest,
            }
          : { watermark: latest };
      }
    }
  }

  async readByIds(entityName: string, ids: string[], select?: string[]): Promise<ConnectorRecord[]> {
    const entity = await this.entity(entityName);
    if (entity.kind === "optionset")
      return (await readOptionRecords(this.client, entity)).filter((r) => ids.includes(r.id));
    const records: ConnectorRecord[] = [];
    for (const part of chunk(
      ids.filter((id) => GUID.test(id)),
      100,
    )) {
      const url = withQuery(entity.name, {
        $select: selectList(entity, select),
        $filter: this.filterText(entity, f.in(entity.key, part)),
      });
      for await (const page of iterate(followPages(this.client, url, this.pageHeaders(undefined))))
        records.push(...(page.value ?? []).map((row) => recordFromRow(entity, row)));
    }
    return records;
  }

  async findMissing(entityName: string, ids: string[]): Promise<string[]> {
    const found = new Set((await this.readByIds(entityName, ids, [])).map((r) => r.id.toLowerCase()));
    return ids.filter((id) => !found.has(id.toLowerCase()));
  }

  async write(
    entityName: string,
    operations: WriteOperation[],
    options: { atomic?: boolean } = {},
  ): Promise<WriteResult[]> {
    const entity = await this.entity(entityName);
    if (entity.kind === "optionset") {
      // Metadata changes one at a time: each new option takes the next free value, which a parallel insert would reuse.
      const results: WriteResult[] = [];
      for (const operation of operations) results.push(await writeOptionRecord(this.client, entity, operation));
      return results;
    }
    const catalog = await this.catalog();
    // Dataverse takes the ids it is given: a keyed create gets the id its key derives, so repeating it cannot duplicate.
    operations = operations.map((op) =>
      op.kind === "create" && op.key && !op.id ? { ...op, id: idForKey(op.key) } : op,
    );
    if (operations.length === 1 && !options.atomic)
      return [await writeOne(this.client, catalog, entity, operations[0]!)];
    // Two batches in flight: Dataverse serves many connections at once, and the next batch is built while one waits.
    const parts = chunk(operations, Math.min(this.options.maxBatch ?? DATAVERSE_MAX_BATCH, DATAVERSE_MAX_BATCH));
    const answers: WriteResult[][] = new Array(parts.length);
    let next = 0;
    const lane = async () => {
      while (next < parts.length) {
        const index = next++;
        try {
          answers[index] = await writeBatch(this.client, catalog, entity, parts[index]!, options.atomic ?? false);
        } catch (error) {
          if (!(error instanceof ConnectorError) || isConnectionFailure(error)) throw error;
          answers[index] = parts[index]!.map((operation) => failedOperation(operation, error));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.options.writeConcurrency ?? 2, parts.length) }, lane));
    return answers.flat();
  }

  /** Dataverse takes the ids a client chooses: a key's record has the id the key derives. Choice columns keep none. */
  async createKeys(entityName: string): Promise<CreateKeyHome> {
    return (await this.entity(entityName)).kind === "optionset" ? "none" : "record-id";
  }

  async findByKeys(entityName: string, keys: string[]): Promise<Map<string, ConnectorRecord>> {
    const entity = await this.entity(entityName);
    if (entity.kind === "optionset" || !keys.length) return new Map();
    const keyOf = new Map(keys.map((key) => [idForKey(key), key]));
    const found = await this.readByIds(entityName, [...keyOf.keys()]);
    return new Map(
      found.map((record) => [
        keyOf.get(record.id.toLowerCase())!,
        { ...record, key: keyOf.get(record.id.toLowerCase())! },
      ]),
    );
  }

  /**
   * Without a filter, an estimate: RetrieveTotalRecordCount answers from a snapshot up to 24 hours old, good for
   * progress and sizing, never for a decision or the mass-change guard's denominator. With a filter or `exact`, the
   * rows matching now: $count up to Dataverse's cap of 5000, past it by reading the keys.
   */
  async count(
    entityName: string,
    filter?: FilterAst,
    options: { exact?: boolean; upTo?: number } = {},
  ): Promise<number> {
    const entity = await this.entity(entityName);
    // A choice column's options are no table: no message counts them, and a real tenant refuses the name.
    if (entity.kind === "optionset") {
      const records = await readOptionRecords(this.client, entity);
      const keep = filter ? toPredicate(filter, { field: (name) => findField(entity, name) }) : () => true;
      return records.filter((record) => keep(record.values)).length;
    }
    if (!filter && !options.exact) {
      const answer = await this.client.json<{ EntityRecordCountCollection: { Values: number[] } }>(
        `RetrieveTotalRecordCount(EntityNames=['${entity.logicalName}'])`,
      );
      return answer.EntityRecordCountCollection.Values[0] ?? 0;
    }
    type Counted = { "@odata.count"?: number; "@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded"?: boolean };
    const counted = await this.client.json<Counted>(
      withQuery(entity.name, { $select: entity.key, $filter: this.filterText(entity, filter), $count: true }),
      { headers: { Prefer: "odata.maxpagesize=1" } },
    );
    const capped =
      counted["@Microsoft.Dynamics.CRM.totalrecordcountlimitexceeded"] === true ||
      (counted["@odata.count"] ?? DATAVERSE_MAX_PAGE) >= DATAVERSE_MAX_PAGE;
    if (!capped) return counted["@odata.count"]!;
    if (options.upTo !== undefined && options.upTo <= DATAVERSE_MAX_PAGE) return DATAVERSE_MAX_PAGE;
    let total = 0;
    for await (const page of this.readChanges({ entity: entityName, filter, select: [] })) total += page.records.length;
    return total;
  }
}
