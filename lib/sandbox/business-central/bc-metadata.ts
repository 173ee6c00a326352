import type { CatalogEntity, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { buildCsdl, typeName } from "../odata/csdl";
import { STANDARD_API } from "./bc-route";

const NAMESPACE = "Microsoft.NAV";

const contains = (entity: CatalogEntity) =>
  `<NavigationProperty Name="${entity.name}" Type="Collection(${NAMESPACE}.${typeName(entity, "business-central")})" ContainsTarget="true"/>`;

/** A document's lines: the entities of the same API whose documentId points at it (salesOrders → salesOrderLines). */
function linesOf(entity: CatalogEntity, entities: CatalogEntity[]): CatalogEntity[] {
  return entities.filter((other) =>
    other.fields.some((f) => f.name === "documentId" && f.type === "lookup" && f.lookupTargets?.includes(entity.name)),
  );
}

/**
 * One API's $metadata as Business Central writes it: every entity lives in a company, so `companies` is an entity set
 * whose `company` type contains each entity set (ContainsTarget), and a document type contains its lines. The
 * entity sets are declared at the top level too, as the real document does.
 */
export function bcMetadataDocument(catalog: SchemaCatalog, api: string): string {
  const entities = catalog.entities.filter((e) => (e.api ?? STANDARD_API) === api);
  const company = [
    `<EntityType Name="company"><Key><PropertyRef Name="id"/></Key>`,
    `<Property Name="id" Type="Edm.Guid" Nullable="false"/><Property Name="systemVersion" Type="Edm.String"/><Property Name="name" Type="Edm.String" MaxLength="30"/>`,
    `<Property Name="displayName" Type="Edm.String" MaxLength="250"/><Property Name="businessProfileId" Type="Edm.String" MaxLength="250"/>`,
    ...entities.map(contains),
    `</EntityType>`,
  ].join("");
  return buildCsdl(catalog, entities, {
    namespace: NAMESPACE,
    container: "NAV",
    dialect: "business-central",
    navigation: (entity) => linesOf(entity, entities).map(contains),
    schema: [company],
    containerChildren: [`<EntitySet Name="companies" EntityType="${NAMESPACE}.company"/>`],
  });
}
