import { XMLParser } from "fast-xml-parser";
import type { CatalogEntity, CatalogField, FieldType, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { ConnectorError } from "./connector-error";

const EDM: Record<string, FieldType> = {
  "Edm.String": "string",
  "Edm.Int32": "integer",
  "Edm.Int64": "integer",
  "Edm.Int16": "integer",
  "Edm.Decimal": "decimal",
  "Edm.Double": "decimal",
  "Edm.Boolean": "boolean",
  "Edm.Date": "date",
  "Edm.DateTimeOffset": "datetime",
  "Edm.Guid": "guid",
  "Edm.Binary": "blob",
  "Edm.Stream": "blob",
};

const list = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
type Node = Record<string, unknown>;

/**
 * Reads a $metadata document (CSDL 4.0) into catalog entities: entity sets, keys, property types and lengths,
 * enum members as options, and navigation properties with referential constraints as lookups.
 */
export function catalogFromCsdl(
  xml: string,
  options: { system: "erp" | "crm"; api?: string; modifiedOn?: string[] },
): CatalogEntity[] {
  let document: Node;
  try {
    document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml) as Node;
  } catch (error) {
    throw new ConnectorError("PROTOCOL", `The $metadata document is not valid XML: ${(error as Error).message}`);
  }
  const schemas = list(
    ((document["edmx:Edmx"] as Node | undefined)?.["edmx:DataServices"] as Node | undefined)?.Schema as Node | Node[],
  );
  if (schemas.length === 0) throw new ConnectorError("PROTOCOL", "The $metadata document has no Schema");
  const types = new Map<string, Node>();
  const enums = new Map<string, Node>();
  const sets: Node[] = [];
  for (const schema of schemas) {
    const namespace = String(schema.Namespace);
    for (const type of list(schema.EntityType as Node[])) types.set(`${namespace}.${String(type.Name)}`, type);
    for (const type of list(schema.EnumType as Node[])) enums.set(`${namespace}.${String(type.Name)}`, type);
    for (const container of list(schema.EntityContainer as Node[])) sets.push(...list(container.EntitySet as Node[]));
  }
  const setOfType = new Map(sets.map((set) => [String(set.EntityType), String(set.Name)]));
  return sets.flatMap((set) => {
    const type = types.get(String(set.EntityType));
    // Business Central: the companies every other entity set is contained in, not an entity to map.
    if (!type || (options.system === "erp" && set.Name === "companies")) return [];
    const key = String(list((type.Key as Node | undefined)?.PropertyRef as Node[])[0]?.Name ?? "id");
    const lookups = new Map<string, string[]>();
    for (const nav of list(type.NavigationProperty as Node[])) {
      const constraint = list(nav.ReferentialConstraint as Node[])[0];
      const target = setOfType.get(String(nav.Type));
      if (!constraint || !target) continue;
      const property = String(constraint.Property);
      lookups.set(property, [...(lookups.get(property) ?? []), target]);
    }
    const fields: CatalogField[] = list(type.Property as Node[]).map((property) => {
      const rawName = String(property.Name);
      const lookupName = options.system === "crm" ? /^_(.+)_value$/.exec(rawName)?.[1] : undefined;
      const targets = lookups.get(rawName);
      if (targets) return { name: lookupName ?? rawName, type: "lookup", lookupTargets: targets };
      const enumType = enums.get(String(property.Type));
      if (enumType)
        return {
          name: rawName,
          type: "enum",
          options: list(enumType.Member as Node[]).map((m) => ({
            value: String(m.Name),
            label: String(m.Name).replace(/_x([0-9A-F]{4})_/g, (_, hex: string) =>
              String.fromCharCode(Number.parseInt(hex, 16)),
            ),
          })),
        };
      return {
        name: lookupName ?? rawName,
        type: lookupName ? "lookup" : (EDM[String(property.Type)] ?? "string"),
        ...(property.MaxLength && property.MaxLength !== "max" ? { maxLength: Number(property.MaxLength) } : {}),
      };
    });
    const modifiedOn = fields.find((f) =>
      (options.modifiedOn ?? ["lastModifiedDateTime", "modifiedon"]).includes(f.name),
    )?.name;
    return [
      {
        name: String(set.Name),
        key,
        kind: "table",
        fields,
        ...(modifiedOn ? { modifiedOn } : {}),
        ...(options.api ? { api: options.api } : {}),
      } satisfies CatalogEntity,
    ];
  });
}

export function catalogOf(system: "erp" | "crm", name: string, entities: CatalogEntity[]): SchemaCatalog {
  return { system, name, entities };
}
