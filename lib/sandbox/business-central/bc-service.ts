import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import { ODataServiceError } from "../odata/odata-error";
import { parsePrefer } from "../odata/prefer";
import { requestOrigin } from "../odata/request-origin";
import { answer, jsonResponse } from "../odata/responses";
import type { Caller, ServiceContext } from "../sandbox-context";
import type { SandboxSettings } from "../sandbox-settings";
import type { SandboxStore } from "../store/sandbox-store";
import { executeBcBatch } from "./bc-batch";
import { bcMetadataDocument } from "./bc-metadata";
import { readBcCollection } from "./bc-collection";
import { createBcRecord } from "./bc-create";
import { deleteBcRecord, readBcRecord, updateBcRecord } from "./bc-record";
import { BC_COMPANY, bcCreateTarget, bcNotFound, routeBc, STANDARD_API } from "./bc-route";
import { servedCatalog } from "./bc-tandem-pages";

export { BC_COMPANY };

export type BusinessCentralServiceOptions = {
  store: SandboxStore;
  catalog: SchemaCatalog;
  basePath: string;
  now?: () => Date;
};

const methodNotAllowed = () =>
  new ODataServiceError(405, "BadRequest_MethodNotAllowed", "The HTTP method is not allowed on this resource.");

/** Business Central API v2.0 and the custom API pages over the sandbox store. */
export function createBusinessCentralService(options: BusinessCentralServiceOptions) {
  const catalog = servedCatalog(options.catalog);
  const apis = [...new Set(catalog.entities.map((e) => e.api ?? STANDARD_API))];
  const restOf = (url: URL) => decodeURIComponent(url.pathname).slice(options.basePath.length).replace(/^\/+/, "");
  const createTarget = (ctx: ServiceContext, url: URL) => bcCreateTarget(ctx.catalog, apis, ctx.base, restOf(url));

  const dispatch = async (ctx: ServiceContext, request: Request): Promise<Response> =>
    answer(async () => {
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      const requestCtx = { ...ctx, preferences: parsePrefer(request.headers.get("Prefer")) };
      const resource = routeBc(ctx.catalog, apis, ctx.base, restOf(url));
      const { apiRoot } = resource;
      const read = "entity" in resource ? resource.entity : undefined;
      if (method === "GET" && read && ctx.settings.deniedReads.includes(read.name))
        throw new ODataServiceError(
          403,
          "Authorization_InsufficientPermissions",
          `You do not have the following permissions on TableData ${read.name}: Read. To view details about your permissions, see the Effective Permissions page.`,
        );
      switch (resource.kind) {
        case "metadata":
          return new Response(bcMetadataDocument(ctx.catalog, resource.api), {
            headers: { "Content-Type": "application/xml", "OData-Version": "4.0" },
          });
        case "batch":
          if (method !== "POST") throw methodNotAllowed();
          return executeBcBatch(requestCtx, request, apiRoot, dispatch, createTarget);
        case "companies":
          return jsonResponse({
            "@odata.context": `${apiRoot}/$metadata#companies`,
            value: [{ ...BC_COMPANY, businessProfileId: "", systemVersion: "26.0" }],
          });
        case "company":
          return jsonResponse({ "@odata.context": `${apiRoot}/$metadata#companies/$entity`, ...BC_COMPANY });
        case "lines": {
          if (!(await ctx.store.get(resource.document.name, resource.id)))
            throw bcNotFound(`The ${resource.document.name} '${resource.id}' does not exist.`);
          const parent = { field: resource.field, id: resource.id };
          if (method === "GET") return readBcCollection(requestCtx, resource.lines, url, apiRoot, parent);
          if (method === "POST")
            return createBcRecord(requestCtx, { entity: resource.lines, contextBase: apiRoot, parent }, request, url);
          throw methodNotAllowed();
        }
        case "record":
          if (method === "GET") return readBcRecord(requestCtx, resource.entity, resource.id, url, apiRoot);
          if (method === "PATCH")
            return updateBcRecord(requestCtx, resource.entity, resource.id, request, url, apiRoot);
          if (method === "DELETE") return deleteBcRecord(requestCtx, resource.entity, resource.id, request);
          throw methodNotAllowed();
        case "set":
          if (resource.count)
            return new Response(String(await ctx.store.count(resource.entity.name)), {
              headers: { "Content-Type": "text/plain", "OData-Version": "4.0" },
            });
          if (method === "GET") return readBcCollection(requestCtx, resource.entity, url, apiRoot);
          if (method === "POST")
            return createBcRecord(requestCtx, { entity: resource.entity, contextBase: apiRoot }, request, url);
          throw methodNotAllowed();
      }
    });

  return async (request: Request, caller: Caller, settings: SandboxSettings): Promise<Response> => {
    const ctx: ServiceContext = {
      catalog,
      store: options.store,
      base: `${requestOrigin(request)}${options.basePath}`,
      caller,
      preferences: parsePrefer(null),
      settings,
      now: options.now ?? (() => new Date()),
    };
    return dispatch(ctx, request);
  };
}
