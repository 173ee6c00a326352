import type { CatalogEntity, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { findEntity, findField } from "@/lib/mapping/model/catalog";
import { f, type FilterAst } from "@/lib/mapping/model/filter";
import { toODataFilter } from "@/lib/mapping/filter/odata-filter";
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
import { catalogFromCsdl } from "../odata/csdl-catalog";
import { ODataClient, withQuery } from "../odata/odata-client";
import { chunk, followPages, GUID, laterOf } from "../odata/paging";
import { ClientCredentialsTokens } from "../odata/token-provider";
import type { AccessCheck } from "../access/access-check";
import { checkBusinessCentralAccess, type BcCompany } from "../access/business-central-access";
import { writeBcBatch } from "./bc-write";
import { mergeTandemPages } from "./tandem-pages";

export const BC_MAX_BATCH = 100;
const STANDARD_API = "v2.0";
const TANDEM_API = "tandem/integration/v1.0";
const EMPTY_GUID = "00000000-0000-0000-0000-000000000000";

export type BusinessCentralConnectorOptions = CommonConnectorOptions & {
  /** Up to and including /api: https://api.businesscentral.dynamics.com/v2.0/{tenant}/{environment}/api */
  apiUrl: string;
  companyId: string;
  /** API routes to describe: the standard API and Tandem's custom pages. */
  apis?: string[];
};

/** Business Central never sends null: blanks come back as the empty GUID or 0001-01-01, which mean "no value". */
function normalizeValue(value: unknown): unknown {
  if (value === EMPTY_GUID || value === "0001-01-01" || value === "0001-01-01T00:00:00Z") return null;
  return value;
}

export class BusinessCentralConnector implements Connector {
  readonly system = "erp" as const;
  readonly displayName = "Business Central";
  readonly accessHint = "the app has API access to the environment";
  readonly client: ODataClient;
  private catalogPromise?: Promise<SchemaCatalog>;

  constructor(private readonly options: BusinessCentralConnectorOptions) {
    const tokens =
      options.tokens ??
      (options.credentials
        ? new ClientCredentialsTokens(options.credentials, options.fetch ?? ((r) => fetch(r)))
        : undefined);
    if (!tokens)
      throw new ConnectorError("TOKEN", "The Business Central connector needs client credentials or a token provider");
    // Business Central answers five requests at a time per user; more only queue on its side.
    this.client = new ODataClient({
      baseUrl: options.apiUrl.replace(/\/+$/, ""),
      tokens,
      fetch: options.fetch,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      meter: options.meter,
      maxConcurrency: 5,
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
    if (!entity) throw new ConnectorError("NOT_FOUND", `Business Central has no entity "${name}" in the known APIs`);
    return entity;
  }

  /** companies(<id>)/<set> under the entity's API route: Tandem's page over the table where the tenant has one. */
  private path(entity: CatalogEntity, suffix = ""): string {
    return `${entity.extension?.api ?? entity.api ?? STANDARD_API}/companies(${this.options.companyId})/${entity.name}${suffix}`;
  }

  async describe(entities?: string[]): Promise<SchemaCatalog> {
    const apis = this.options.apis ?? [STANDARD_API, TANDEM_API];
    let found: CatalogEntity[] = [];
    for (const api of apis) {
      const response = await this.client.send(`${api}/$metadata`, {
        headers: { Accept: "application/xml" },
        allow: [404],
      });
      if (response.status === 404) continue; // that API is not installed in this environment
      const described = catalogFromCsdl(await response.text(), { system: "erp", api });
      found = api === TANDEM_API ? mergeTandemPages(found, described, api) : [...found, ...described];
    }
    return {
      system: "erp",
      name: "Business Central",
      entities: entities ? found.filter((e) => entities.includes(e.name)) : found,
    };
  }

  /** Test connection: token, the companies the API lists, the chosen company, read on these entities. */
  checkAccess(entities: string[]): Promise<{ checks: AccessCheck[]; companies: BcCompany[] }> {
    const paths = async () => {
      const catalog = await this.catalog().catch(() => null);
      return entities.map((name) => {
        const entity = catalog ? findEntity(catalog, name) : undefined;
        const api = entity?.extension?.api ?? entity?.api ?? STANDARD_API;
        return { name, path: (companyId: string) => `${api}/companies(${companyId})/${name}` };
      });
    };
    return checkBusinessCentralAccess(this.client, {
      tokenUrl: this.options.credentials?.tokenUrl ?? "",
      apiUrl: this.options.apiUrl,
      companyId: this.options.companyId || null,
      entities: paths,
    });
  }

  async whoAmI(): Promise<{ userId: string | null }> {
    return { userId: null }; // no modified-by on Business Central: echo suppression relies on write receipts
  }

  private toRecord(entity: CatalogEntity, row: Record<string, unknown>): ConnectorRecord {
    const keyField = entity.extension?.integrationKey;
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(row))
      if (!name.startsWith("@") && name !== keyField) values[name] = normalizeValue(value);
    const key = keyField ? row[keyField] : undefined;
    return {
      id: String(row[entity.key]),
      modifiedOn: entity.modifiedOn ? (normalizeValue(row[entity.modifiedOn]) as string | null) : null,
      etag: typeof row["@odata.etag"] === "string" ? row["@odata.etag"] : null,
      modifiedBy: null,
      values,
      ...(keyField ? { key: typeof key === "string" && key ? key : null } : {}),
    };
  }

  private filterText(entity: CatalogEntity, filter: FilterAst | undefined): string | undefined {
    return filter
      ? toODataFilter(filter, { dialect: "business-central", field: (name) => findField(entity, name) })
      : undefined;
  }

  private selectText(entity: CatalogEntity, select: string[] | undefined): string | undefined {
    return select
      ? [...new Set([entity.key, ...(entity.modifiedOn ? [entity.modifiedOn] : []), ...select])].join(",")
      : undefined;
  }

  async *readChanges(request: ReadChangesRequest): AsyncGenerator<ChangePage, ChangeCursor> {
    if (request.mode === "track-changes")
      throw new ConnectorError(
        "UNSUPPORTED",
        "Business Central has no change tracking; read by watermark and find deletes by comparing keys",
      );
    const entity = await this.entity(request.entity);
    const since = request.since?.watermark;
    const watermark = since && entity.modifiedOn ? f.ge(entity.modifiedOn, new Date(since).toISOString()) : undefined;
    const filter = watermark && request.filter ? f.and(watermark, request.filter) : (watermark ?? request.filter);
    const url = withQuery(this.path(entity), {
      $filter: this.filterText(entity, filter),
      $select: this.selectText(entity, request.select),
    });
    const pageSize = request.pageSize ?? this.options.pageSize;
    const headers: Record<string, string> = pageSize ? { Prefer: `odata.maxpagesize=${pageSize}` } : {};
    let latest = since ?? null;
    const pages = followPages(this.client, url, headers);
    for (;;) {
      const { value: page, done } = await pages.next();
      const records = (page.value ?? []).map((row) => this.toRecord(entity, row));
      for (const record of records) latest = laterOf(latest, record.modifiedOn);
      if (records.length || !done) yield { records, deleted: [] };
      if (done) return { watermark: latest };
    }
  }

  async readByIds(entityName: string, ids: string[], select?: string[]): Promise<ConnectorRecord[]> {
    const entity = await this.entity(entityName);
    const records: ConnectorRecord[] = [];
    // The same field or-ed is fine on Business Central; 50 GUIDs keep the URL well under limits.
    for (const part of chunk(
      ids.filter((id) => GUID.test(id)),
      50,
    )) {
      const url = withQuery(this.path(entity), {
        $filter: this.filterText(entity, f.in(entity.key, part)),
        $select: this.selectText(entity, select),
      });
      for await (const page of iterate(followPages(this.client, url, {})))
        records.push(...(page.value ?? []).map((row) => this.toRecord(entity, row)));
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
    const keyField = entity.extension?.integrationKey;
    // The key travels in the record, written by the same insert: Tandem's page holds it unique per table.
    if (keyField)
      operations = operations.map((op) =>
        op.kind === "create" && op.key ? { ...op, values: { ...op.values, [keyField]: op.key } } : op,
      );
    const results: WriteResult[] = [];
    for (const part of chunk(operations, Math.min(this.options.maxBatch ?? BC_MAX_BATCH, BC_MAX_BATCH))) {
      try {
        results.push(
          ...(await writeBcBatch(
            this.client,
            entity,
            (suffix) => this.path(entity, suffix),
            part,
            options.atomic ?? false,
            (row) => this.toRecord(entity, row),
          )),
        );
      } catch (error) {
        if (!(error instanceof ConnectorError) || isConnectionFailure(error)) throw error;
        // A create without a key may have landed: sending it again could duplicate it, so it is not offered for resending.
        results.push(
          ...part.map((operation) =>
            failedOperation(operation, error, operation.kind !== "create" || Boolean(keyField)),
          ),
        );
      }
    }
    return results;
  }

  /** Ids are Business Central's own; the key lives in Tandem's integration-key field, where its API page is installed. */
  async createKeys(entityName: string): Promise<CreateKeyHome> {
    return (await this.entity(entityName)).extension?.integrationKey ? "key-field" : "none";
  }

  async findByKeys(entityName: string, keys: string[]): Promise<Map<string, ConnectorRecord>> {
    const entity = await this.entity(entityName);
    const keyField = entity.extension?.integrationKey;
    const found = new Map<string, ConnectorRecord>();
    if (!keyField) return found; // without Tandem's page there is nowhere a key could be
    for (const part of chunk([...new Set(keys)], 40)) {
      const url = withQuery(this.path(entity), {
        $filter: toODataFilter(f.in(keyField, part), {
          dialect: "business-central",
          field: () => ({ name: keyField, type: "string" }),
        }),
      });
      for await (const page of iterate(followPages(this.client, url, {})))
        for (const row of page.value ?? []) {
          const record = this.toRecord(entity, row);
          if (record.key) found.set(record.key, record);
        }
    }
    return found;
  }

  /** Always exact: Business Central counts the query when it answers. */
  async count(
    entityName: string,
    filter?: FilterAst,
    _options: { exact?: boolean; upTo?: number } = {},
  ): Promise<number> {
    const entity = await this.entity(entityName);
    const page = await this.client.json<{ "@odata.count"?: number }>(
      withQuery(this.path(entity), {
        $filter: this.filterText(entity, filter),
        $count: true,
        $top: 1,
        $select: entity.key,
      }),
    );
    return page["@odata.count"] ?? 0;
  }
}

/** Drains a page generator, including the last page it returns. */
export async function* iterate<T>(generator: AsyncGenerator<T, T>): AsyncGenerator<T> {
  for (;;) {
    const { value, done } = await generator.next();
    yield value;
    if (done) return;
  }
}
