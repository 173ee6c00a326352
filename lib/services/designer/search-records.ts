import { AppError } from "@/lib/errors";
import { findEntity } from "@/lib/mapping/model/catalog";
import { f } from "@/lib/mapping/model/filter";
import { parseInput } from "@/lib/validation";
import { buildConnectors } from "@/lib/integration/build-connectors";
import { activeConnections } from "@/lib/integration/integration-connections";
import { requireRole, type ServiceContext } from "../context";
import { SearchRecordsInput } from "./designer-schemas";

const NAME_FIELDS = ["displayName", "name", "fullname", "description"];

export type FoundRecord = { id: string; label: string };

/** Up to ten records of an entity whose name contains the query, read through its connector (for the live preview). */
export async function searchRecords(args: { ctx: ServiceContext; input: unknown }): Promise<FoundRecord[]> {
  const { ctx } = args;
  requireRole(ctx, "consultant");
  const input = parseInput(SearchRecordsInput, args.input);
  // A real tenant describes only the entity searched (a Dataverse environment has hundreds of tables).
  const { connectors, catalogs } = await buildConnectors(ctx.db, await activeConnections(ctx.db), {
    retry: { maxAttempts: 2 },
    entities: { erp: input.side === "erp" ? [input.entity] : [], crm: input.side === "crm" ? [input.entity] : [] },
  });
  const entity = findEntity(catalogs[input.side], input.entity);
  if (!entity)
    throw new AppError(
      "NOT_FOUND",
      `${input.side === "erp" ? "Business Central" : "Dataverse"} has no entity ${input.entity}.`,
    );
  const textual = entity.fields.filter((field) => field.type === "string" || field.type === "text");
  // People search by what a record is called; the business identifier (a number, a code) goes beside it.
  const name = textual.find((field) => NAME_FIELDS.includes(field.name))?.name ?? entity.primaryName ?? entity.key;
  const code = entity.primaryName && entity.primaryName !== name ? entity.primaryName : null;
  const filter =
    input.query && textual.some((field) => field.name === name) ? f.contains(name, input.query) : undefined;
  const pages = connectors[input.side].readChanges({
    entity: entity.name,
    filter,
    select: code ? [name, code] : [name],
    pageSize: 10,
  });
  const first = await pages.next();
  await pages.return?.({});
  const records = first.done ? [] : first.value.records.slice(0, 10);
  return records.map((record) => ({
    id: record.id,
    label: `${String(record.values[name] ?? record.id)}${code ? ` (${String(record.values[code] ?? "")})` : ""}`,
  }));
}
