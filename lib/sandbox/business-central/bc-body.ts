import { sql } from "drizzle-orm";
import type { CatalogEntity, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { badRequest } from "../odata/odata-error";
import { acceptValue } from "../odata/write-values";
import type { SandboxStore } from "../store/sandbox-store";

/**
 * Reads a create/update body: known, writable fields with valid values. Like the API pages, an `xId` reference and
 * its `xCode` / `xNumber` text are kept in step: setting one fills the other from the referenced record.
 */
export async function readBcBody(catalog: SchemaCatalog, entity: CatalogEntity, body: Record<string, unknown>, store: SandboxStore): Promise<Record<string, unknown>> {
  const fields = new Map(entity.fields.map((f) => [f.name, f]));
  const data: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith("@odata")) continue;
    const field = fields.get(key);
    if (!field) throw badRequest("business-central", `The property '${key}' does not exist on type 'Microsoft.NAV.${entity.name.replace(/s$/, "")}'.`);
    if (field.readOnly || key === entity.key || key === entity.modifiedOn) throw badRequest("business-central", `The property '${key}' is read-only.`);
    data[key] = acceptValue(field, value, "business-central", entity.name);
  }
  for (const field of entity.fields) {
    if (field.type !== "lookup" || !field.name.endsWith("Id")) continue;
    const base = field.name.slice(0, -2);
    const companion = fields.get(`${base}Code`) ?? fields.get(`${base}Number`);
    const target = catalog.entities.find((e) => e.name === field.lookupTargets?.[0]);
    const businessKey = target?.fields.find((f) => f.name === "code" || f.name === "number")?.name;
    if (!companion || !target || !businessKey) continue;
    if (field.name in data) {
      const referenced = data[field.name] ? await store.get(target.name, String(data[field.name])) : null;
      if (data[field.name] && !referenced) throw badRequest("business-central", `The ${target.name.replace(/s$/, "")} with id '${String(data[field.name])}' does not exist.`);
      data[companion.name] = referenced ? referenced.data[businessKey] : "";
    } else if (companion.name in data) {
      const code = String(data[companion.name] ?? "");
      if (!code) data[field.name] = null;
      else {
        const [referenced] = await store.query({ entity: target.name, where: sql`lower(data ->> ${businessKey}) = lower(${code})`, limit: 1 });
        if (!referenced) throw badRequest("business-central", `The ${target.name.replace(/s$/, "")} '${code}' does not exist.`);
        data[field.name] = referenced.id;
        data[companion.name] = referenced.data[businessKey];
      }
    }
  }
  return data;
}
