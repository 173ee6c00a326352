import type { CatalogEntity, CatalogField, FieldType } from "@/lib/mapping/model/catalog";

export type RecordColumn = "id" | "modified_at" | "created_at" | "version" | "modified_by";

/** Where a property lives in sandbox_records: a real column, or a key of the data JSON. */
export type PropertyRef =
  | { kind: "column"; column: RecordColumn; type: FieldType; name: string }
  | { kind: "data"; field: CatalogField; type: FieldType; name: string };

/** How a simulated service names an entity's properties, and where each is stored. */
export type EntityShape = {
  entity: CatalogEntity;
  /** A property as the service's URLs name it (`_parentcustomerid_value`, `lastModifiedDateTime`). */
  resolve: (property: string) => PropertyRef | undefined;
};

export function buildShape(entity: CatalogEntity, system: "erp" | "crm"): EntityShape {
  const fields = new Map(entity.fields.map((f) => [f.name, f]));
  const columns = new Map<string, RecordColumn>([[entity.key, "id"]]);
  if (entity.modifiedOn) columns.set(entity.modifiedOn, "modified_at");
  if (system === "crm") {
    columns.set("createdon", "created_at");
    columns.set("versionnumber", "version");
  }
  return {
    entity,
    resolve(property) {
      // Dataverse lookups are read and filtered as _<name>_value; the bare name is the navigation property.
      const lookup = system === "crm" ? /^_(.+)_value$/.exec(property)?.[1] : undefined;
      if (lookup) {
        if (lookup === "modifiedby") return { kind: "column", column: "modified_by", type: "lookup", name: property };
        const field = fields.get(lookup);
        return field?.type === "lookup" ? { kind: "data", field, type: "lookup", name: property } : undefined;
      }
      const field = fields.get(property);
      if (!field || (system === "crm" && field.type === "lookup")) return undefined;
      const column = columns.get(property);
      return column
        ? { kind: "column", column, type: field.type, name: property }
        : { kind: "data", field, type: field.type, name: property };
    },
  };
}
