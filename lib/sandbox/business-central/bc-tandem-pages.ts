import { sql } from "drizzle-orm";
import type { CatalogEntity, CatalogField, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { ERROR_CODES, ODataServiceError } from "../odata/odata-error";
import type { SandboxStore } from "../store/sandbox-store";
import { STANDARD_API } from "./bc-route";

const keyField = (name: string): CatalogField => ({
  name,
  label: "Tandem Integration Key",
  type: "string",
  maxLength: 100,
});

/**
 * What the simulated tenant serves: each standard page without the fields only Tandem's extension adds, and Tandem's
 * API page over the same table (same records, same ids) with every field and the integration key. Standard pages
 * come first, so a lookup by name alone finds the standard one.
 */
export function servedCatalog(catalog: SchemaCatalog): SchemaCatalog {
  const standard: CatalogEntity[] = [];
  const tandem: CatalogEntity[] = [];
  for (const entity of catalog.entities) {
    const extension = entity.extension;
    if (!extension) {
      standard.push(entity);
      continue;
    }
    const own: CatalogEntity = {
      ...entity,
      api: extension.api,
      fields: [...entity.fields, ...(extension.integrationKey ? [keyField(extension.integrationKey)] : [])],
    };
    if ((entity.api ?? STANDARD_API) === extension.api) standard.push(own);
    else {
      const { extension: _omit, ...plain } = entity;
      standard.push({ ...plain, fields: entity.fields.filter((field) => !extension.fields.includes(field.name)) });
      tandem.push(own);
    }
  }
  return { ...catalog, entities: [...standard, ...tandem] };
}

/** The integration-key field of a served page, when it has one. */
export function integrationKeyOf(entity: CatalogEntity): string | undefined {
  return entity.extension?.integrationKey && entity.fields.some((f) => f.name === entity.extension!.integrationKey)
    ? entity.extension.integrationKey
    : undefined;
}

export function duplicateKey(entity: CatalogEntity, key: string): ODataServiceError {
  return new ODataServiceError(
    409,
    ERROR_CODES["business-central"].duplicate,
    `The record in table ${entity.label ?? entity.name} already exists. Identification fields and values: Tandem Integration Key='${key}'`,
  );
}

/**
 * Keys among `rows` that are taken: by a stored record of the table other than the row itself, or by an earlier row.
 * The table's unique index on the key is the final word; this answers each part with the service's error.
 */
export async function takenKeys(
  store: SandboxStore,
  entity: CatalogEntity,
  rows: { id: string; data: Record<string, unknown> }[],
): Promise<Set<number>> {
  const field = integrationKeyOf(entity);
  const taken = new Set<number>();
  if (!field) return taken;
  const keys = rows.map((row) =>
    typeof row.data[field] === "string" && row.data[field] ? (row.data[field] as string) : null,
  );
  const wanted = [...new Set(keys.filter((k): k is string => k !== null))];
  if (!wanted.length) return taken;
  const list = sql`(select value from jsonb_array_elements_text(${JSON.stringify(wanted)}::jsonb))`;
  // The key's name as a literal, with the index's own condition, so the table's unique index answers the lookup.
  if (!/^[A-Za-z]+$/.test(field)) throw new Error(`not a field name: ${field}`);
  const keyOf = sql.raw(`(data ->> '${field}')`);
  const where = sql`data ? ${sql.raw(`'${field}'`)} and ${keyOf} <> '' and ${keyOf} in ${list}`;
  const owners = new Map(
    (await store.query({ entity: entity.name, where, limit: wanted.length * 2 + 1 })).map((r) => [
      r.data[field] as string,
      r.id,
    ]),
  );
  const seen = new Set<string>();
  keys.forEach((key, index) => {
    if (key === null) return;
    const owner = owners.get(key);
    if ((owner && owner !== rows[index]!.id) || seen.has(key)) taken.add(index);
    seen.add(key);
  });
  return taken;
}

/** The table's unique index refused a key a concurrent create took first: the same answer as the check above. */
export function keyConflict(
  error: unknown,
  entity: CatalogEntity,
  data: Record<string, unknown>,
): ODataServiceError | null {
  const text = [error, (error as { cause?: unknown } | null)?.cause]
    .map((e) => (e instanceof Error ? `${e.message} ${(e as { constraint?: string }).constraint ?? ""}` : String(e)))
    .join(" ");
  const field = integrationKeyOf(entity);
  return field && text.includes("sandbox_records_integration_key_uq")
    ? duplicateKey(entity, String(data[field]))
    : null;
}
