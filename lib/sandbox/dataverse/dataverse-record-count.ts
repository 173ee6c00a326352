import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import { ERROR_CODES, ODataServiceError } from "../odata/odata-error";
import { jsonResponse } from "../odata/responses";
import type { ServiceContext } from "../sandbox-context";

/**
 * RetrieveTotalRecordCount's per-table counts as a tenant keeps them: a snapshot taken at most once per
 * `recordCountSnapshotSeconds` (24 hours by default), so rows written since are not in it.
 */
export class RecordCountSnapshots {
  private readonly taken = new Map<string, { count: number; at: number }>();

  async count(ctx: ServiceContext, entity: CatalogEntity): Promise<number> {
    const now = ctx.now().getTime();
    const snapshot = this.taken.get(entity.name);
    if (snapshot && now - snapshot.at < ctx.settings.recordCountSnapshotSeconds * 1000) return snapshot.count;
    const count = await ctx.store.count(entity.name);
    this.taken.set(entity.name, { count, at: now });
    return count;
  }
}

/** The EntityNames of `RetrieveTotalRecordCount(EntityNames=['a','b'])`, or of a parameter alias (`=@p1` and `?@p1=[…]`). */
function entityNames(path: string, url: URL): string[] {
  const raw = /EntityNames=(\[[^\]]*\]|@\w+)/.exec(decodeURIComponent(path))?.[1];
  const list = raw?.startsWith("@") ? (url.searchParams.get(raw) ?? "") : (raw ?? "");
  if (!/^\[\s*(?:'[^']*'\s*(?:,\s*'[^']*'\s*)*)?\]$/.test(list))
    throw new ODataServiceError(
      400,
      ERROR_CODES.dataverse.syntax,
      "RetrieveTotalRecordCount needs EntityNames, a collection of entity logical names like ['account'].",
    );
  return [...list.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

/** RetrieveTotalRecordCount(EntityNames=[…]): counts past the 5000 that $count stops at, from the snapshot. */
export async function retrieveTotalRecordCount(
  ctx: ServiceContext,
  path: string,
  url: URL,
  snapshots: RecordCountSnapshots,
): Promise<Response> {
  const names = entityNames(path, url);
  const tables = ctx.catalog.entities.filter((e) => e.kind === "table");
  const values: number[] = [];
  for (const name of names) {
    const entity = tables.find((e) => e.logicalName === name);
    // Logical names only: neither an entity set name nor a choice column is an entity.
    if (!entity)
      throw new ODataServiceError(
        404,
        ERROR_CODES.dataverse.notFound,
        `Could not find an entity with name ${name} and id 00000000-0000-0000-0000-000000000000.`,
      );
    values.push(await snapshots.count(ctx, entity));
  }
  return jsonResponse({
    "@odata.context": `${ctx.base}/$metadata#Microsoft.Dynamics.CRM.RetrieveTotalRecordCountResponse`,
    EntityRecordCountCollection: { Count: names.length, IsReadOnly: false, Keys: names, Values: values },
  });
}
