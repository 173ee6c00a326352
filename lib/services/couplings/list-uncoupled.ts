import { z } from "zod";
import { AppError } from "@/lib/errors";
import { buildConnectors } from "@/lib/integration/build-connectors";
import { activeConnections, activePairId } from "@/lib/integration/integration-connections";
import { loadPublishedConfig } from "@/lib/integration/published-config";
import { findEntity } from "@/lib/mapping/model/catalog";
import { f, type FilterAst } from "@/lib/mapping/model/filter";
import { MappingNameSchema } from "@/lib/mapping/model/table-mapping";
import { couplingsByIds } from "@/lib/sync/engine/coupling-store";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";

export const ListUncoupledInput = z.object({
  mapping: MappingNameSchema,
  side: z.enum(["erp", "crm"], { message: "side is erp or crm" }),
  /** Part of the record's name. */
  q: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().max(100).optional()),
});

export type UncoupledRecord = { id: string; label: string };
const NAME_FIELDS = ["displayName", "name", "fullname", "description", "code"];
const WANTED = 50;
const MOST_READ = 2000;

/**
 * Records of one side of a mapping (within its filter, named like the query) that no coupling of the active pair
 * holds, read through the connector a page at a time: up to 50, from at most 2,000 read. What the Couplings page
 * offers to create in the other system or to couple by hand.
 */
export async function listUncoupled(args: {
  ctx: ServiceContext;
  input: unknown;
}): Promise<{ records: UncoupledRecord[]; more: boolean }> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const input = parseInput(ListUncoupledInput, args.input);
  const { config } = await loadPublishedConfig(ctx.db);
  const mapping = config.mappings.find((m) => m.name === input.mapping);
  if (!mapping) throw new AppError("NOT_FOUND", `The published configuration has no mapping named ${input.mapping}.`);
  const entityName = mapping[input.side].entity;
  const { connectors, catalogs } = await buildConnectors(ctx.db, await activeConnections(ctx.db), {
    retry: { maxAttempts: 2 },
    entities: { erp: input.side === "erp" ? [entityName] : [], crm: input.side === "crm" ? [entityName] : [] },
  });
  const entity = findEntity(catalogs[input.side], entityName);
  if (!entity) throw new AppError("NOT_FOUND", `The connected system has no entity ${entityName}.`);
  const names = entity.fields.filter((field) => field.type === "string" || field.type === "text").map((x) => x.name);
  const name = NAME_FIELDS.find((n) => names.includes(n)) ?? entity.primaryName ?? entity.key;
  const filters = [mapping[input.side].filter, input.q && names.includes(name) ? f.contains(name, input.q) : undefined];
  const filter = filters.filter((x): x is FilterAst => Boolean(x));
  const pairId = await activePairId(ctx.db);
  const records: UncoupledRecord[] = [];
  let read = 0;
  let more = false;
  const pages = connectors[input.side].readChanges({
    entity: entity.name,
    filter: filter.length > 1 ? f.and(...filter) : filter[0],
    select: [name],
    pageSize: 200,
  });
  for await (const page of pages) {
    read += page.records.length;
    const coupled = await couplingsByIds(
      ctx.db,
      pairId,
      mapping.name,
      input.side,
      page.records.map((r) => r.id),
    );
    for (const record of page.records) {
      if (coupled.has(record.id.toLowerCase())) continue;
      if (records.length === WANTED) {
        more = true;
        break;
      }
      records.push({ id: record.id, label: String(record.values[name] ?? record.id) });
    }
    if (more || read >= MOST_READ) {
      more ||= read >= MOST_READ;
      break;
    }
  }
  return { records, more };
}
