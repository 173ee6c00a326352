import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import { toResponse } from "../odata/answer";
import { readJsonBody } from "../odata/responses";
import type { ServiceContext } from "../sandbox-context";
import type { SandboxStore } from "../store/sandbox-store";
import { readBcBody, storeBcLookups, type BcLookups } from "./bc-body";
import { addCompanyContacts } from "./bc-company-contacts";
import { entityAnswer } from "./bc-record";
import { duplicateKey, integrationKeyOf, keyConflict, takenKeys } from "./bc-tandem-pages";

/** Where a POST creates: an entity set, or a document's lines with `parent` filling their document reference. */
export type BcCreateTarget = { entity: CatalogEntity; contextBase: string; parent?: { field: string; id: string } };

export type NumberSeries = { next: () => Promise<string>; use: (number: unknown) => void };

const NUMERIC = /^[0-9]+$/;

/**
 * Number series: a new customer, item or document without a number gets the next one after the highest, counting
 * the numbers of records a bulk create has not written yet (`use`).
 */
export function numberSeries(store: SandboxStore, entity: CatalogEntity): NumberSeries {
  let stored: number | null | undefined;
  let pending = -Infinity;
  return {
    async next() {
      if (stored === undefined) {
        const [last] = await store.query({
          entity: entity.name,
          where: sql`(data ->> 'number') ~ '^[0-9]+$'`,
          orderBy: [{ expr: sql`(data ->> 'number')::bigint`, direction: "desc" }],
          limit: 1,
        });
        stored = last ? Number(last.data.number) : null;
      }
      const highest = Math.max(stored ?? -Infinity, pending);
      return String(highest === -Infinity ? 10000 : highest + 10);
    },
    use(number) {
      if (NUMERIC.test(String(number ?? ""))) pending = Math.max(pending, Number(number));
    },
  };
}

/** A create body as stored, or the error the API page answers. */
export async function prepareBcCreate(
  ctx: ServiceContext,
  target: BcCreateTarget,
  body: Record<string, unknown>,
  lookups: BcLookups,
  series: NumberSeries,
): Promise<{ id: string; data: Record<string, unknown> }> {
  const data = await readBcBody(ctx.catalog, target.entity, body, lookups);
  if (target.parent) data[target.parent.field] = target.parent.id;
  if (target.entity.fields.some((f) => f.name === "number" && !f.readOnly) && !data.number)
    data.number = await series.next();
  series.use(data.number);
  return { id: randomUUID(), data };
}

/** POST: 201 with the created record, like the API pages. */
export async function createBcRecord(
  ctx: ServiceContext,
  target: BcCreateTarget,
  request: Request,
  url: URL,
): Promise<Response> {
  const row = await prepareBcCreate(
    ctx,
    target,
    await readJsonBody(request, "business-central"),
    storeBcLookups(ctx.store),
    numberSeries(ctx.store, target.entity),
  );
  if ((await takenKeys(ctx.store, target.entity, [row])).size)
    throw duplicateKey(target.entity, String(row.data[integrationKeyOf(target.entity)!]));
  const [record] = await ctx.store
    .writeMany([{ entity: target.entity.name, record: row }], ctx.now())
    .catch((error) => {
      throw keyConflict(error, target.entity, row.data) ?? error;
    });
  if (target.entity.name === "customers") await addCompanyContacts(ctx.store, [record!], ctx.now());
  return toResponse(entityAnswer(target.entity, record!, url, 201, target.contextBase));
}
