import type { SchemaCatalog } from "@/lib/mapping/model/catalog";
import { ODataServiceError } from "../odata/odata-error";
import { parsePrefer } from "../odata/prefer";
import { requestOrigin } from "../odata/request-origin";
import { answer, jsonResponse } from "../odata/responses";
import type { Caller, ServiceContext } from "../sandbox-context";
import type { SandboxSettings } from "../sandbox-settings";
import type { SandboxStore } from "../store/sandbox-store";
import { executeBatch } from "./dataverse-batch";
import { readCollection } from "./dataverse-collection";
import { entityDefinitions, metadataDocument, optionValueAction, whoAmI } from "./dataverse-metadata";
import { RecordCountSnapshots, retrieveTotalRecordCount } from "./dataverse-record-count";
import { createRecord } from "./dataverse-create";
import { impersonatedCaller } from "./dataverse-impersonation";
import { deleteRecord, readRecord, updateRecord } from "./dataverse-record";
import { currentCatalog } from "./option-sets";

export const DATAVERSE_API_PATH = "/api/data/v9.2";

export type DataverseServiceOptions = {
  store: SandboxStore;
  catalog: SchemaCatalog;
  /** Where the service root is mounted, e.g. /sandbox/crm/api/data/v9.2 */
  basePath: string;
  now?: () => Date;
};

const notFound = (segment: string) =>
  new ODataServiceError(404, "0x80060888", `Resource not found for the segment '${segment}'.`);
const methodNotAllowed = () =>
  new ODataServiceError(405, "0x80060888", "The HTTP method is not allowed on this resource.");

/** The Dataverse Web API v9.2 over the sandbox store: (request, caller, settings) → response. */
export function createDataverseService(options: DataverseServiceOptions) {
  let cached: { catalog: SchemaCatalog; at: number } | undefined;
  const snapshots = new RecordCountSnapshots();
  const catalogNow = async () => {
    if (!cached || Date.now() - cached.at > 2000)
      cached = { catalog: await currentCatalog(options.catalog, options.store), at: Date.now() };
    return cached.catalog;
  };

  const restOf = (url: URL) => decodeURIComponent(url.pathname).slice(options.basePath.length).replace(/^\/+/, "");
  // A POST to this URL is a create: the same route as dispatch takes to createRecord.
  const createTarget = (ctx: ServiceContext, url: URL) => {
    const set = /^([A-Za-z_]+)$/.exec(restOf(url))?.[1];
    return set ? ctx.catalog.entities.find((e) => e.kind === "table" && e.name === set) : undefined;
  };

  const dispatch = async (ctx: ServiceContext, request: Request): Promise<Response> =>
    answer(async () => {
      const url = new URL(request.url);
      const rest = restOf(url);
      const method = request.method.toUpperCase();
      const requestCtx = { ...ctx, preferences: parsePrefer(request.headers.get("Prefer")) };
      if (rest === "" && method === "GET") {
        return jsonResponse({
          "@odata.context": `${ctx.base}/$metadata`,
          value: ctx.catalog.entities
            .filter((e) => e.kind === "table")
            .map((e) => ({ name: e.name, kind: "EntitySet", url: e.name })),
        });
      }
      if (rest === "$metadata")
        return method === "GET" ? metadataDocument(requestCtx) : Promise.reject(methodNotAllowed());
      if (rest === "$batch")
        return method === "POST"
          ? executeBatch(requestCtx, request, dispatch, createTarget)
          : Promise.reject(methodNotAllowed());
      if (rest === "WhoAmI" || rest === "WhoAmI()") return whoAmI(requestCtx);
      if (rest.startsWith("RetrieveTotalRecordCount("))
        return retrieveTotalRecordCount(requestCtx, rest, url, snapshots);
      if (rest === "InsertOptionValue" || rest === "UpdateOptionValue") {
        if (method !== "POST") throw methodNotAllowed();
        const response = await optionValueAction(requestCtx, rest, request);
        cached = undefined;
        return response;
      }
      if (rest.startsWith("EntityDefinitions")) return entityDefinitions(requestCtx, rest);

      const match = /^([A-Za-z_]+)(?:\((.*)\))?(\/\$count)?$/.exec(rest);
      const entity = match && ctx.catalog.entities.find((e) => e.kind === "table" && e.name === match[1]);
      if (!match || !entity) throw notFound(rest.split(/[/(]/)[0] ?? rest);
      const [, , key, count] = match;
      if (method === "GET" && ctx.settings.deniedReads.includes(entity.name))
        throw new ODataServiceError(
          403,
          "0x80040220",
          `Principal user (Id=${ctx.caller.userId}, type=8) is missing prvRead${entity.name.replace(/s$/, "")} privilege on entity '${entity.name.replace(/s$/, "")}'.`,
        );
      if (key !== undefined) {
        if (!/^[0-9a-fA-F-]{36}$/.test(key))
          throw new ODataServiceError(
            400,
            "0x80060888",
            `The key '${key}' is not a GUID; alternate keys are not supported by the sandbox.`,
          );
        const id = key.toLowerCase();
        if (method === "GET") return readRecord(requestCtx, entity, id, request, url);
        if (method === "PATCH") return updateRecord(requestCtx, entity, id, request, url);
        if (method === "DELETE") return deleteRecord(requestCtx, entity, id, request);
        throw methodNotAllowed();
      }
      if (count) {
        if (method !== "GET") throw methodNotAllowed();
        return new Response(String(Math.min(await ctx.store.count(entity.name), 5000)), {
          headers: { "Content-Type": "text/plain", "OData-Version": "4.0" },
        });
      }
      if (method === "GET") return readCollection(requestCtx, entity, url);
      if (method === "POST") return createRecord(requestCtx, entity, request, url);
      throw methodNotAllowed();
    });

  return async (request: Request, caller: Caller, settings: SandboxSettings): Promise<Response> =>
    answer(async () => {
      const applicationUser = { ...caller, userId: settings.applicationUserId ?? caller.userId };
      const ctx: ServiceContext = {
        catalog: await catalogNow(),
        store: options.store,
        base: `${requestOrigin(request)}${options.basePath}`,
        caller: await impersonatedCaller(options.store, request, applicationUser, settings),
        preferences: parsePrefer(null),
        settings,
        now: options.now ?? (() => new Date()),
      };
      return dispatch(ctx, request);
    });
}
