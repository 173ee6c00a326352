import type { CatalogEntity, CatalogField, SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { ConnectorRecord, LookupValue } from "../connector";
import { ConnectorError } from "../odata/connector-error";

/** The wire name of a field: lookups are read (and filtered) as _<name>_value. */
export const wireName = (field: CatalogField) => (field.type === "lookup" ? `_${field.name}_value` : field.name);

/** The navigation property that sets a lookup to a record of `targetSet`: the name, or name_<logical> when it can point to several tables. */
export function navigationProperty(catalog: SchemaCatalog, field: CatalogField, targetSet: string): string {
  if ((field.lookupTargets?.length ?? 0) <= 1) return field.name;
  const logical = catalog.entities.find((e) => e.name === targetSet)?.logicalName ?? targetSet.replace(/s$/, "");
  return `${field.name}_${logical}`;
}

/** A Web API row as a connector record: lookups under their logical names, annotations dropped. */
export function recordFromRow(entity: CatalogEntity, row: Record<string, unknown>): ConnectorRecord {
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (name.includes("@")) continue;
    const lookup = /^_(.+)_value$/.exec(name)?.[1];
    values[lookup ?? name] = value;
  }
  return {
    id: String(row[entity.key]),
    modifiedOn:
      entity.modifiedOn && typeof row[entity.modifiedOn] === "string" ? (row[entity.modifiedOn] as string) : null,
    etag: typeof row["@odata.etag"] === "string" ? row["@odata.etag"] : null,
    modifiedBy: typeof row._modifiedby_value === "string" ? row._modifiedby_value : null,
    values,
  };
}

/** Record values as a create/update body: lookups become <navigation>@odata.bind references. */
export function bodyFromValues(
  catalog: SchemaCatalog,
  entity: CatalogEntity,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const field = entity.fields.find((f) => f.name === name);
    if (field?.type !== "lookup") {
      body[name] = value;
      continue;
    }
    const targets = field.lookupTargets ?? [];
    if (value === null || value === undefined) {
      body[`${navigationProperty(catalog, field, targets[0] ?? "")}@odata.bind`] = null;
      continue;
    }
    const reference: LookupValue =
      typeof value === "string" ? { id: value, entity: targets[0] ?? "" } : (value as LookupValue);
    if (!targets.includes(reference.entity)) {
      throw new ConnectorError(
        "BAD_REQUEST",
        `${entity.name}.${name} cannot point to ${reference.entity}; it points to ${targets.join(" or ")}`,
      );
    }
    body[`${navigationProperty(catalog, field, reference.entity)}@odata.bind`] =
      `/${reference.entity}(${reference.id})`;
  }
  return body;
}

/** Select list on the wire: the asked-for fields plus key, modified-on and modified-by. */
export function selectList(entity: CatalogEntity, select: string[] | undefined): string | undefined {
  if (!select) return undefined;
  const names = new Set([entity.key, ...(entity.modifiedOn ? [entity.modifiedOn] : []), ...select]);
  const wire = [...names].map((name) => {
    const field = entity.fields.find((f) => f.name === name);
    return field ? wireName(field) : name;
  });
  if (entity.fields.some((f) => f.name === "modifiedby")) wire.push("_modifiedby_value");
  return [...new Set(wire)].join(",");
}
