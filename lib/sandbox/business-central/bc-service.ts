import type { CatalogEntity, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { buildCsdl } from "../odata/csdl";
import { ODataServiceError } from "../odata/odata-error";
import { parsePrefer } from "../odata/prefer";
import { answer, jsonResponse } from "../odata/responses";
import type { Caller, ServiceContext } from "../sandbox-context";
import type { SandboxSettings } from "../sandbox-settings";
import { stableUuid } from "../stable-uuid";
import type { SandboxStore } from "../store/sandbox-store";
import { executeBcBatch } from "./bc-batch";
import { readBcCollection } from "./bc-collection";
import { createBcRecord, deleteBcRecord, readBcRecord, updateBcRecord } from "./bc-record";

export const BC_COMPANY = { id: stableUuid("erp:company:cronus"), name: "CRONUS International Ltd.", displayName: "CRONUS International Ltd." } as const;
const STANDARD_API = "v2.0";

export type BusinessCentralServiceOptions = { store: SandboxStore; catalog: SchemaCatalog; basePath: string; now?: () => Date };

const notFound = (message: string) => new ODataServiceError(404, "BadRequest_NotFound", message);
const methodNotAllowed = () => new ODataServiceError(405, "BadRequest_MethodNotAllowed", "The HTTP method is not allowed on this resource.");

/** A document's line collection reached through the document: salesOrders(id)/salesOrderLines. */
function lineSet(catalog: SchemaCatalog, parent: CatalogEntity, name: string): { entity: CatalogEntity; field: string } | undefined {
  const entity = catalog.entities.find((e) => e.name === name && e.api === parent.api);
  const field = entity?.fields.find((f) => f.type === "lookup" && f.lookupTargets?.includes(parent.name) && f.name === "documentId");
  return entity && field ? { entity, field: field.name } : undefined;
}

/** Business Central API v2.0 and the custom API pages over the sandbox store. */
export function createBusinessCentralService(options: BusinessCentralServiceOptions) {
  const apis = [...new Set(options.catalog.entities.map((e) => e.api ?? STANDARD_API))];

  const dispatch = async (ctx: ServiceContext, request: Request): Promise<Response> =>
    answer(async () => {
      const url = new URL(request.url);
      const rest = decodeURIComponent(url.pathname).slice(options.basePath.length).replace(/^\/+/, "");
      const method = request.method.toUpperCase();
      const requestCtx = { ...ctx, preferences: parsePrefer(request.headers.get("Prefer")) };
      const api = apis.find((a) => rest === a || rest.startsWith(`${a}/`));
      if (!api) throw notFound(`No API at '${rest.split("/")[0]}'.`);
      const apiRoot = `${ctx.base}/${api}`;
      const path = rest.slice(api.length).replace(/^\//, "");
      if (path === "$metadata") {
        const entities = ctx.catalog.entities.filter((e) => (e.api ?? STANDARD_API) === api);
        return new Response(buildCsdl(ctx.catalog, entities, { namespace: "Microsoft.NAV", container: "NAV", dialect: "business-central" }), { headers: { "Content-Type": "application/xml", "OData-Version": "4.0" } });
      }
      if (path === "$batch") return method === "POST" ? executeBcBatch(requestCtx, request, apiRoot, dispatch) : Promise.reject(methodNotAllowed());
      if (path === "companies") return jsonResponse({ "@odata.context": `${apiRoot}/$metadata#companies`, value: [{ ...BC_COMPANY, businessProfileId: "", systemVersion: "26.0" }] });

      const match = /^companies\(([^)]+)\)(?:\/([A-Za-z]+)(?:\(([^)]+)\))?(?:\/([A-Za-z]+|\$count))?)?$/.exec(path);
      if (!match) throw notFound(`Resource not found for the segment '${path.split("/")[0]}'.`);
      const [, companyId, setName, key, tail] = match;
      if (companyId!.toLowerCase() !== BC_COMPANY.id) throw new ODataServiceError(404, "Internal_CompanyNotFound", `The company '${companyId}' does not exist.`);
      if (!setName) return jsonResponse({ "@odata.context": `${apiRoot}/$metadata#companies/$entity`, ...BC_COMPANY });
      const entity = ctx.catalog.entities.find((e) => e.name === setName && (e.api ?? STANDARD_API) === api);
      if (!entity) throw notFound(`Resource not found for the segment '${setName}'.`);
      const contextBase = apiRoot;
      if (key !== undefined) {
        const id = key.replace(/^id=/, "").toLowerCase();
        if (!/^[0-9a-f-]{36}$/.test(id)) throw new ODataServiceError(400, "BadRequest", `'${key}' is not a valid key.`);
        if (tail) {
          const lines = lineSet(ctx.catalog, entity, tail);
          if (!lines) throw notFound(`Resource not found for the segment '${tail}'.`);
          if (!(await ctx.store.get(entity.name, id))) throw notFound(`The ${entity.name} '${id}' does not exist.`);
          const parent = { field: lines.field, id };
          if (method === "GET") return readBcCollection(requestCtx, lines.entity, url, contextBase, parent);
          if (method === "POST") return createBcRecord(requestCtx, lines.entity, request, url, contextBase, parent);
          throw methodNotAllowed();
        }
        if (method === "GET") return readBcRecord(requestCtx, entity, id, url, contextBase);
        if (method === "PATCH") return updateBcRecord(requestCtx, entity, id, request, url, contextBase);
        if (method === "DELETE") return deleteBcRecord(requestCtx, entity, id, request);
        throw methodNotAllowed();
      }
      if (tail === "$count") return new Response(String(await ctx.store.count(entity.name)), { headers: { "Content-Type": "text/plain", "OData-Version": "4.0" } });
      if (tail) throw notFound(`Resource not found for the segment '${tail}'.`);
      if (method === "GET") return readBcCollection(requestCtx, entity, url, contextBase);
      if (method === "POST") return createBcRecord(requestCtx, entity, request, url, contextBase);
      throw methodNotAllowed();
    });

  return async (request: Request, caller: Caller, settings: SandboxSettings): Promise<Response> => {
    const url = new URL(request.url);
    const ctx: ServiceContext = {
      catalog: options.catalog,
      store: options.store,
      base: `${url.origin}${options.basePath}`,
      caller,
      preferences: parsePrefer(null),
      settings,
      now: options.now ?? (() => new Date()),
    };
    return dispatch(ctx, request);
  };
}
