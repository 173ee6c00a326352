import type { CatalogEntity, CatalogField, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { badRequest, ODataServiceError } from "../odata/odata-error";
import { acceptValue } from "../odata/write-values";
import type { SandboxStore } from "../store/sandbox-store";

const SYSTEM_COLUMNS = new Set(["createdon", "modifiedon", "versionnumber", "modifiedby", "createdby"]);

/** The navigation property of a lookup for one target: the bare name, or name_<logical> on multi-table lookups. */
export function navigationName(
  catalog: SchemaCatalog,
  field: { name: string; lookupTargets?: string[] },
  targetSet: string,
): string {
  if ((field.lookupTargets?.length ?? 0) <= 1) return field.name;
  const logical = catalog.entities.find((e) => e.name === targetSet)?.logicalName ?? targetSet;
  return `${field.name}_${logical}`;
}

/** Whether a record of an entity set exists: the store, or what a bulk create read ahead. */
export type LookupCheck = (set: string, id: string) => Promise<boolean>;

export const storeLookups =
  (store: SandboxStore): LookupCheck =>
  async (set, id) =>
    (await store.get(set, id)) !== null;

export function bindTarget(value: unknown): { set: string; id: string } | null {
  const match =
    typeof value === "string" ? /(?:^|\/)([A-Za-z_][A-Za-z0-9_.]*)\(([0-9a-fA-F-]{36})\)$/.exec(value) : null;
  return match ? { set: match[1]!, id: match[2]!.toLowerCase() } : null;
}

type Shape = { fields: Map<string, CatalogField>; navigation: Map<string, { field: string; target: string }> };

// Built once per entity: a bulk create reads a thousand bodies of one entity.
const shapes = new WeakMap<CatalogEntity, Shape>();

function shapeOf(catalog: SchemaCatalog, entity: CatalogEntity): Shape {
  const known = shapes.get(entity);
  if (known) return known;
  const fields = new Map(entity.fields.map((f) => [f.name, f]));
  const navigation = new Map<string, { field: string; target: string }>();
  for (const field of entity.fields) {
    for (const target of field.type === "lookup" ? (field.lookupTargets ?? []) : [])
      navigation.set(navigationName(catalog, field, target), { field: field.name, target });
  }
  shapes.set(entity, { fields, navigation });
  return { fields, navigation };
}

/**
 * Reads a create/update body into stored data: known columns with valid values, lookups only through
 * `<navigation>@odata.bind` to a record that exists. Other annotations are ignored, like the service does.
 */
export async function readBody(
  catalog: SchemaCatalog,
  entity: CatalogEntity,
  body: Record<string, unknown>,
  exists: LookupCheck,
): Promise<{ data: Record<string, unknown>; id?: string }> {
  const label = entity.logicalName ?? entity.name;
  const { fields, navigation } = shapeOf(catalog, entity);
  const data: Record<string, unknown> = {};
  let id: string | undefined;
  for (const [key, value] of Object.entries(body)) {
    if (key.endsWith("@odata.bind")) {
      const nav = navigation.get(key.slice(0, -"@odata.bind".length));
      if (!nav || !fields.get(nav.field) || fields.get(nav.field)!.readOnly)
        throw badRequest(
          "dataverse",
          `An undeclared property '${key.slice(0, -11)}' which only has property annotations in the payload but no property value was found in the payload.`,
        );
      if (value === null) {
        data[nav.field] = null;
        continue;
      }
      const target = bindTarget(value);
      if (!target || target.set !== nav.target)
        throw badRequest(
          "dataverse",
          `The value '${String(value)}' of '${key}' must be a reference like /${nav.target}(<id>).`,
        );
      if (!(await exists(target.set, target.id)))
        throw new ODataServiceError(
          404,
          "0x80040217",
          `${catalog.entities.find((e) => e.name === target.set)?.logicalName ?? target.set} With Id = ${target.id} Does Not Exist`,
        );
      data[nav.field] = target.id;
      data[`${nav.field}@target`] = target.set;
      continue;
    }
    if (key.includes("@")) continue;
    const field = fields.get(key);
    if (!field)
      throw badRequest(
        "dataverse",
        `Could not find a property named '${key}' on type 'Microsoft.Dynamics.CRM.${label}'.`,
      );
    if (field.name === entity.key) {
      id = acceptValue(field, value, "dataverse", label) as string;
      continue;
    }
    if (field.type === "lookup")
      throw badRequest(
        "dataverse",
        `The lookup '${key}' can only be set with '${navigationName(catalog, field, field.lookupTargets?.[0] ?? "")}@odata.bind'.`,
      );
    if (field.readOnly || SYSTEM_COLUMNS.has(key))
      throw badRequest("dataverse", `The '${key}' attribute of the '${label}' entity cannot be set.`);
    data[key] = acceptValue(field, value, "dataverse", label);
  }
  return { data, id };
}
