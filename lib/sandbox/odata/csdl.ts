import type { CatalogEntity, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { edmOf } from "../store/filter-sql";

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c]!);

export type CsdlOptions = {
  namespace: string;
  container: string;
  dialect: "dataverse" | "business-central";
  /** More navigation properties of an entity's type (Business Central's containment of document lines). */
  navigation?: (entity: CatalogEntity) => string[];
  /** More schema elements (types, functions, actions) and container children (sets, imports), as CSDL. */
  schema?: string[];
  containerChildren?: string[];
};

export function typeName(entity: CatalogEntity, dialect: CsdlOptions["dialect"]): string {
  return dialect === "dataverse" ? (entity.logicalName ?? entity.name) : singular(entity.name);
}

/** Business Central names an entity type after one of its set: currencies → currency, salespeoplePurchasers → salespersonPurchaser. */
function singular(set: string): string {
  if (set === "salespeoplePurchasers") return "salespersonPurchaser";
  if (set.endsWith("ies")) return `${set.slice(0, -3)}y`;
  return set.replace(/s$/, "");
}

/**
 * The service document's $metadata (CSDL 4.0) for the catalog's tables: keys, typed properties, enums (Business
 * Central) and lookups as navigation properties with referential constraints.
 */
export function buildCsdl(catalog: SchemaCatalog, entities: CatalogEntity[], options: CsdlOptions): string {
  const { namespace, dialect } = options;
  const enums: string[] = [];
  const types = entities.map((entity) => {
    const name = typeName(entity, dialect);
    const properties: string[] = [];
    const navigation: string[] = [];
    for (const field of entity.fields) {
      if (field.type === "lookup") {
        const property = dialect === "dataverse" ? `_${field.name}_value` : field.name;
        properties.push(`<Property Name="${property}" Type="Edm.Guid"/>`);
        for (const target of field.lookupTargets ?? []) {
          const targetEntity = catalog.entities.find((e) => e.name === target);
          if (!targetEntity) continue;
          const nav =
            dialect === "dataverse"
              ? (field.lookupTargets?.length ?? 0) > 1
                ? `${field.name}_${targetEntity.logicalName}`
                : field.name
              : field.name.replace(/Id$/, "");
          navigation.push(
            `<NavigationProperty Name="${nav}" Type="${namespace}.${typeName(targetEntity, dialect)}"><ReferentialConstraint Property="${property}" ReferencedProperty="${targetEntity.key}"/></NavigationProperty>`,
          );
        }
        continue;
      }
      let type = edmOf(field.type);
      if (field.type === "enum" && field.options?.length) {
        const enumName = `${name}_${field.name}`;
        enums.push(
          `<EnumType Name="${enumName}">${field.options.map((o, i) => `<Member Name="${escapeXml(String(o.value))}" Value="${i}"/>`).join("")}</EnumType>`,
        );
        type = `${namespace}.${enumName}`;
      }
      const facets = [
        field.maxLength ? ` MaxLength="${field.maxLength}"` : "",
        field.name === entity.key || field.required ? ` Nullable="false"` : "",
      ].join("");
      properties.push(`<Property Name="${field.name}" Type="${type}"${facets}/>`);
    }
    navigation.push(...(options.navigation?.(entity) ?? []));
    return `<EntityType Name="${name}"><Key><PropertyRef Name="${entity.key}"/></Key>${properties.join("")}${navigation.join("")}</EntityType>`;
  });
  const sets = entities.map(
    (entity) => `<EntitySet Name="${entity.name}" EntityType="${namespace}.${typeName(entity, dialect)}"/>`,
  );
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>`,
    `<Schema Namespace="${namespace}" xmlns="http://docs.oasis-open.org/odata/ns/edm">`,
    ...enums,
    ...types,
    ...(options.schema ?? []),
    `<EntityContainer Name="${options.container}">${sets.join("")}${(options.containerChildren ?? []).join("")}</EntityContainer>`,
    `</Schema></edmx:DataServices></edmx:Edmx>`,
  ].join("\n");
}
