import { sql } from "drizzle-orm";
import type { CatalogEntity, CatalogField, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { badRequest } from "../odata/odata-error";
import { acceptValue } from "../odata/write-values";
import type { SandboxStore, StoredRecord } from "../store/sandbox-store";

/** An `xId` reference kept in step with its `xCode` / `xNumber` text from the referenced record's business key. */
export type CompanionLink = {
  field: CatalogField;
  companion: CatalogField;
  target: CatalogEntity;
  businessKey: string;
};

/** How a body's references are looked up: in the store, or in what a bulk create read ahead. */
export type BcLookups = {
  byId: (set: string, id: string) => Promise<StoredRecord | null>;
  byKey: (set: string, businessKey: string, code: string) => Promise<StoredRecord | null>;
};

export const storeBcLookups = (store: SandboxStore): BcLookups => ({
  byId: (set, id) => store.get(set, id),
  byKey: async (set, businessKey, code) =>
    (await store.query({ entity: set, where: sql`lower(data ->> ${businessKey}) = lower(${code})`, limit: 1 }))[0] ??
    null,
});

// Built once per entity: a bulk create reads up to a hundred bodies of one entity.
const links = new WeakMap<CatalogEntity, CompanionLink[]>();

export function companionLinks(catalog: SchemaCatalog, entity: CatalogEntity): CompanionLink[] {
  const known = links.get(entity);
  if (known) return known;
  const fields = new Map(entity.fields.map((f) => [f.name, f]));
  const found = entity.fields.flatMap((field) => {
    if (field.type !== "lookup" || !field.name.endsWith("Id")) return [];
    const base = field.name.slice(0, -2);
    const companion = fields.get(`${base}Code`) ?? fields.get(`${base}Number`);
    const target = catalog.entities.find((e) => e.name === field.lookupTargets?.[0]);
    const businessKey = target?.fields.find((f) => f.name === "code" || f.name === "number")?.name;
    return companion && target && businessKey ? [{ field, companion, target, businessKey }] : [];
  });
  links.set(entity, found);
  return found;
}

/**
 * Reads a create/update body: known, writable fields with valid values. Like the API pages, an `xId` reference and
 * its `xCode` / `xNumber` text are kept in step: setting one fills the other from the referenced record.
 */
export async function readBcBody(
  catalog: SchemaCatalog,
  entity: CatalogEntity,
  body: Record<string, unknown>,
  lookups: BcLookups,
): Promise<Record<string, unknown>> {
  const fields = new Map(entity.fields.map((f) => [f.name, f]));
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith("@odata")) continue;
    const field = fields.get(key);
    if (!field)
      throw badRequest(
        "business-central",
        `The property '${key}' does not exist on type 'Microsoft.NAV.${entity.name.replace(/s$/, "")}'.`,
      );
    if (field.readOnly || key === entity.key || key === entity.modifiedOn)
      throw badRequest("business-central", `The property '${key}' is read-only.`);
    data[key] = acceptValue(field, value, "business-central", entity.name);
  }
  for (const { field, companion, target, businessKey } of companionLinks(catalog, entity)) {
    if (field.name in data) {
      const referenced = data[field.name] ? await lookups.byId(target.name, String(data[field.name])) : null;
      if (data[field.name] && !referenced)
        throw badRequest(
          "business-central",
          `The ${target.name.replace(/s$/, "")} with id '${String(data[field.name])}' does not exist.`,
        );
      data[companion.name] = referenced ? referenced.data[businessKey] : "";
    } else if (companion.name in data) {
      const code = String(data[companion.name] ?? "");
      if (!code) data[field.name] = null;
      else {
        const referenced = await lookups.byKey(target.name, businessKey, code);
        if (!referenced)
          throw badRequest("business-central", `The ${target.name.replace(/s$/, "")} '${code}' does not exist.`);
        data[field.name] = referenced.id;
        data[companion.name] = referenced.data[businessKey];
      }
    }
  }
  return data;
}
