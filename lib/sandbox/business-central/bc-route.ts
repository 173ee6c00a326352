import type { CatalogEntity, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { ODataServiceError } from "../odata/odata-error";
import { stableUuid } from "../stable-uuid";
import type { BcCreateTarget } from "./bc-create";

export const BC_COMPANY = {
  id: stableUuid("erp:company:cronus"),
  name: "CRONUS International Ltd.",
  displayName: "CRONUS International Ltd.",
} as const;
export const STANDARD_API = "v2.0";

/** What a URL under the service root names; the service decides what each method does with it. */
export type BcResource =
  | { kind: "metadata" | "batch" | "companies" | "company"; api: string; apiRoot: string }
  | { kind: "set"; apiRoot: string; entity: CatalogEntity; count: boolean }
  | { kind: "record"; apiRoot: string; entity: CatalogEntity; id: string }
  | { kind: "lines"; apiRoot: string; document: CatalogEntity; id: string; lines: CatalogEntity; field: string };

export const bcNotFound = (message: string) => new ODataServiceError(404, "BadRequest_NotFound", message);

const PATH = /^companies\(([^)]+)\)(?:\/([A-Za-z]+)(?:\(([^)]+)\))?(?:\/([A-Za-z]+|\$count))?)?$/;

/** A document's line collection reached through the document: salesOrders(id)/salesOrderLines. */
function lineSet(
  catalog: SchemaCatalog,
  parent: CatalogEntity,
  name: string,
): { entity: CatalogEntity; field: string } | undefined {
  const entity = catalog.entities.find((e) => e.name === name && e.api === parent.api);
  const field = entity?.fields.find(
    (f) => f.type === "lookup" && f.lookupTargets?.includes(parent.name) && f.name === "documentId",
  );
  return entity && field ? { entity, field: field.name } : undefined;
}

/** Resolves `rest` (the path after the service root) or throws the error the service answers with. */
export function routeBc(catalog: SchemaCatalog, apis: string[], base: string, rest: string): BcResource {
  const api = apis.find((a) => rest === a || rest.startsWith(`${a}/`));
  if (!api) throw bcNotFound(`No API at '${rest.split("/")[0]}'.`);
  const apiRoot = `${base}/${api}`;
  const path = rest.slice(api.length).replace(/^\//, "");
  if (path === "$metadata") return { kind: "metadata", api, apiRoot };
  if (path === "$batch") return { kind: "batch", api, apiRoot };
  if (path === "companies") return { kind: "companies", api, apiRoot };
  const match = PATH.exec(path);
  if (!match) throw bcNotFound(`Resource not found for the segment '${path.split("/")[0]}'.`);
  const [, companyId, setName, key, tail] = match;
  if (companyId!.toLowerCase() !== BC_COMPANY.id)
    throw new ODataServiceError(404, "Internal_CompanyNotFound", `The company '${companyId}' does not exist.`);
  if (!setName) return { kind: "company", api, apiRoot };
  const entity = catalog.entities.find((e) => e.name === setName && (e.api ?? STANDARD_API) === api);
  if (!entity) throw bcNotFound(`Resource not found for the segment '${setName}'.`);
  if (key === undefined) {
    if (tail && tail !== "$count") throw bcNotFound(`Resource not found for the segment '${tail}'.`);
    return { kind: "set", apiRoot, entity, count: tail === "$count" };
  }
  const id = key.replace(/^id=/, "").toLowerCase();
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new ODataServiceError(400, "BadRequest", `'${key}' is not a valid key.`);
  if (!tail) return { kind: "record", apiRoot, entity, id };
  const lines = lineSet(catalog, entity, tail);
  if (!lines) throw bcNotFound(`Resource not found for the segment '${tail}'.`);
  return { kind: "lines", apiRoot, document: entity, id, lines: lines.entity, field: lines.field };
}

/** Where a POST to `rest` creates, if it is a create; `parent.set` still has to hold the document. */
export function bcCreateTarget(
  catalog: SchemaCatalog,
  apis: string[],
  base: string,
  rest: string,
): (BcCreateTarget & { parentSet?: string }) | undefined {
  try {
    const resource = routeBc(catalog, apis, base, rest);
    if (resource.kind === "set" && !resource.count) return { entity: resource.entity, contextBase: resource.apiRoot };
    if (resource.kind === "lines")
      return {
        entity: resource.lines,
        contextBase: resource.apiRoot,
        parent: { field: resource.field, id: resource.id },
        parentSet: resource.document.name,
      };
  } catch {
    // Not a create: the request goes its own way and meets its error there.
  }
  return undefined;
}
