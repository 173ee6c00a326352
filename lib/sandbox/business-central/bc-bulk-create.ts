import { sql } from "drizzle-orm";
import type { CatalogEntity, SchemaCatalog } from "@/lib/mapping/model/catalog";
import type { Answer } from "../odata/answer";
import type { ODataServiceError } from "../odata/odata-error";
import { parsePrefer } from "../odata/prefer";
import { failureAnswer, parseJsonBody } from "../odata/responses";
import type { ServiceContext } from "../sandbox-context";
import type { SandboxStore, StoredRecord } from "../store/sandbox-store";
import { companionLinks, storeBcLookups, type BcLookups } from "./bc-body";
import { numberSeries, prepareBcCreate, type BcCreateTarget } from "./bc-create";
import { addCompanyContacts } from "./bc-company-contacts";
import { entityAnswer } from "./bc-record";
import { duplicateKey, integrationKeyOf, keyConflict, takenKeys } from "./bc-tandem-pages";

/** One POST of a batch, as the single-request path would read it. */
export type BcCreatePart = { url: URL; prefer: string | null; body: string };

type Body = Record<string, unknown>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Records that reference their own entity could point at one created earlier in the run: those go one by one. */
export const bulkCreatable = (catalog: SchemaCatalog, entity: CatalogEntity) =>
  !companionLinks(catalog, entity).some((link) => link.target.name === entity.name);

/** The records the bodies reference by id and by code, read with one query per target set and business key. */
async function readAhead(
  store: SandboxStore,
  catalog: SchemaCatalog,
  entity: CatalogEntity,
  bodies: Body[],
): Promise<BcLookups> {
  const ids = new Map<string, Set<string>>();
  const codes = new Map<string, { set: string; key: string; codes: Set<string> }>();
  for (const { field, companion, target, businessKey } of companionLinks(catalog, entity)) {
    for (const body of bodies) {
      const value = body[field.name];
      if (field.name in body && typeof value === "string" && GUID.test(value))
        (ids.get(target.name) ?? ids.set(target.name, new Set()).get(target.name)!).add(value.toLowerCase());
      else if (!(field.name in body) && typeof body[companion.name] === "string" && body[companion.name]) {
        const group =
          codes.get(`${target.name}/${businessKey}`) ??
          codes
            .set(`${target.name}/${businessKey}`, { set: target.name, key: businessKey, codes: new Set() })
            .get(`${target.name}/${businessKey}`)!;
        group.codes.add(body[companion.name] as string);
      }
    }
  }
  const byId = new Map<string, StoredRecord>();
  for (const [set, wanted] of ids)
    for (const record of await store.getMany(set, [...wanted])) byId.set(`${set}/${record.id}`, record);
  const byKey = new Map<string, StoredRecord>();
  for (const { set, key, codes: wanted } of codes.values()) {
    const list = sql`(select lower(value) from jsonb_array_elements_text(${JSON.stringify([...wanted])}::jsonb))`;
    // In id order, so the first record of a code is the one a single lookup (limit 1) finds.
    for (const record of await store.query({
      entity: set,
      where: sql`lower(data ->> ${key}) in ${list}`,
      limit: 100_000,
    })) {
      const name = `${set}/${key}/${String(record.data[key]).toLowerCase()}`;
      if (!byKey.has(name)) byKey.set(name, record);
    }
  }
  const single = storeBcLookups(store);
  return {
    byId: async (set, id) => byId.get(`${set}/${id}`) ?? null,
    // A miss asks the store, so text Postgres and JavaScript lower-case differently still finds what a single lookup would.
    byKey: async (set, key, code) => byKey.get(`${set}/${key}/${code.toLowerCase()}`) ?? single.byKey(set, key, code),
  };
}

/**
 * Creates from consecutive POSTs into one collection, answering each as createBcRecord would: bodies are read one by
 * one against references read ahead, numbers continue the series, and the good rows are written together. With
 * `stopAtFailure` nothing after the first failing part runs. Null when the lines' document is missing: the parts
 * then go one by one to meet that error.
 */
export async function bulkCreateBc(
  ctx: ServiceContext,
  target: BcCreateTarget & { parentSet?: string },
  parts: BcCreatePart[],
  stopAtFailure: boolean,
): Promise<Answer[] | null> {
  if (target.parentSet && !(await ctx.store.get(target.parentSet, target.parent!.id))) return null;
  const bodies = parts.map((part) => {
    try {
      return parseJsonBody(part.body, "business-central");
    } catch (error) {
      return error as ODataServiceError;
    }
  });
  const lookups = await readAhead(
    ctx.store,
    ctx.catalog,
    target.entity,
    bodies.filter((b): b is Body => !(b instanceof Error)),
  );
  const series = numberSeries(ctx.store, target.entity);
  const answers: Answer[] = [];
  const rows: { index: number; row: { id: string; data: Body }; url: URL }[] = [];
  let count = parts.length;
  for (const [index, part] of parts.entries()) {
    try {
      const body = bodies[index]!;
      if (body instanceof Error) throw body;
      rows.push({
        index,
        row: await prepareBcCreate({ ...ctx, preferences: parsePrefer(part.prefer) }, target, body, lookups, series),
        url: part.url,
      });
    } catch (error) {
      answers[index] = failureAnswer(error);
      if (stopAtFailure) {
        count = index + 1;
        break;
      }
    }
  }
  const taken = await takenKeys(
    ctx.store,
    target.entity,
    rows.map((r) => r.row),
  );
  if (taken.size) {
    const field = integrationKeyOf(target.entity)!;
    const kept: typeof rows = [];
    for (const [i, r] of rows.entries()) {
      if (stopAtFailure && r.index >= count) break;
      if (!taken.has(i)) kept.push(r);
      else {
        answers[r.index] = failureAnswer(duplicateKey(target.entity, String(r.row.data[field])));
        if (stopAtFailure) count = Math.min(count, r.index + 1);
      }
    }
    rows.splice(0, rows.length, ...kept.filter((r) => r.index < count));
  }
  const write = async (batch: typeof rows) => {
    const records = await ctx.store.writeMany(
      batch.map((r) => ({ entity: target.entity.name, record: r.row })),
      ctx.now(),
    );
    if (target.entity.name === "customers") await addCompanyContacts(ctx.store, records, ctx.now());
    return records;
  };
  const answer = (r: (typeof rows)[number], record: StoredRecord) =>
    (answers[r.index] = entityAnswer(target.entity, record, r.url, 201, target.contextBase));
  try {
    const records = await write(rows);
    rows.forEach((r, i) => answer(r, records[i]!));
  } catch {
    // One row the database refuses fails the statement: write them one by one for each part's own answer.
    for (const r of rows) {
      try {
        answer(r, (await write([r]))[0]!);
      } catch (error) {
        answers[r.index] = failureAnswer(keyConflict(error, target.entity, r.row.data) ?? error);
        if (stopAtFailure) {
          count = Math.min(count, r.index + 1);
          break;
        }
      }
    }
  }
  return answers.slice(0, count);
}
