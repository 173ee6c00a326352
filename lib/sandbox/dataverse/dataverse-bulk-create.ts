import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import type { ODataServiceError } from "../odata/odata-error";
import { parsePrefer } from "../odata/prefer";
import type { Answer } from "../odata/answer";
import { failureAnswer, parseJsonBody } from "../odata/responses";
import type { ServiceContext } from "../sandbox-context";
import { bindTarget, type LookupCheck } from "./dataverse-body";
import { createdAnswer, persistCreates, prepareCreate, type NewRow } from "./dataverse-create";

/** One POST of a batch, as the single-request path would read it. */
export type CreatePart = { url: URL; prefer: string | null; body: string };

type Body = Record<string, unknown>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The ids the bodies name, per entity set: their own keys and the records their lookups bind to. */
function referencedIds(ctx: ServiceContext, entity: CatalogEntity, bodies: Body[]): Map<string, Set<string>> {
  const tables = new Set(ctx.catalog.entities.filter((e) => e.kind === "table").map((e) => e.name));
  const ids = new Map<string, Set<string>>();
  const add = (set: string, id: string) => {
    if (tables.has(set) && GUID.test(id)) (ids.get(set) ?? ids.set(set, new Set()).get(set)!).add(id);
  };
  for (const body of bodies) {
    if (typeof body[entity.key] === "string") add(entity.name, (body[entity.key] as string).toLowerCase());
    for (const [name, value] of Object.entries(body)) {
      const target = name.endsWith("@odata.bind") ? bindTarget(value) : null;
      if (target) add(target.set, target.id);
    }
  }
  return ids;
}

/**
 * Creates into one entity set from consecutive batch parts, answering each part as createRecord would: bodies are
 * read one by one, but existing ids and lookup targets are read ahead (one query per entity set) and the good rows
 * are written together. Records created by earlier parts count as existing for later ones, as they would one by one.
 * With `stopAtFailure` nothing after the first failing part runs, and the answers end with it.
 */
export async function bulkCreate(
  ctx: ServiceContext,
  entity: CatalogEntity,
  parts: CreatePart[],
  stopAtFailure: boolean,
): Promise<Answer[]> {
  const bodies = parts.map((part) => {
    try {
      return parseJsonBody(part.body, "dataverse");
    } catch (error) {
      return error as ODataServiceError;
    }
  });
  const found = new Set<string>();
  for (const [set, ids] of referencedIds(
    ctx,
    entity,
    bodies.filter((b): b is Body => !(b instanceof Error)),
  )) {
    for (const id of await ctx.store.existingIds(set, [...ids])) found.add(`${set}/${id}`);
  }
  const created = new Set<string>();
  // Ids that are not plain GUIDs were not read ahead: the store answers for them as it would one by one.
  const exists: LookupCheck = async (set, id) =>
    found.has(`${set}/${id}`) ||
    (set === entity.name && created.has(id)) ||
    (!GUID.test(id) && (await ctx.store.get(set, id)) !== null);
  const taken = (id: string) => exists(entity.name, id);

  const answers: Answer[] = [];
  const rows: { index: number; row: NewRow; ctx: ServiceContext; url: URL }[] = [];
  let count = parts.length;
  for (const [index, part] of parts.entries()) {
    const partCtx: ServiceContext = { ...ctx, preferences: parsePrefer(part.prefer) };
    try {
      const body = bodies[index]!;
      if (body instanceof Error) throw body;
      const row = await prepareCreate(partCtx, entity, body, exists, taken);
      created.add(row.id);
      rows.push({ index, row, ctx: partCtx, url: part.url });
    } catch (error) {
      answers[index] = failureAnswer(error);
      if (stopAtFailure) {
        count = index + 1;
        break;
      }
    }
  }
  try {
    const records = await persistCreates(
      ctx.store,
      entity,
      rows.map((r) => r.row),
      ctx.caller.userId,
      ctx.now(),
    );
    rows.forEach((r, i) => (answers[r.index] = createdAnswer(r.ctx, entity, records[i]!, r.url)));
  } catch {
    // One row the database refuses fails the statement: write them one by one for each part's own answer.
    for (const r of rows) {
      try {
        const [record] = await persistCreates(ctx.store, entity, [r.row], ctx.caller.userId, ctx.now());
        answers[r.index] = createdAnswer(r.ctx, entity, record!, r.url);
      } catch (error) {
        answers[r.index] = failureAnswer(error);
        if (stopAtFailure) {
          count = Math.min(count, r.index + 1);
          break;
        }
      }
    }
  }
  return answers.slice(0, count);
}
