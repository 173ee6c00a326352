import { z } from "zod";
import { buildConnectors } from "@/lib/integration/build-connectors";
import { activeConnections } from "@/lib/integration/integration-connections";
import { findEntity } from "@/lib/mapping/model/catalog";
import { f } from "@/lib/mapping/model/filter";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";

const Input = z.object({
  type: z.enum(["item", "resource"], { message: "a write-in product is an item or a resource" }),
  query: z.string().trim().max(100).optional(),
});
const ENTITY = { item: "items", resource: "resources" } as const;

/** Items or resources of the ERP to pick the write-in product from: number and name, up to 50, by name. */
export async function listWriteInProducts(args: {
  ctx: ServiceContext;
  input: unknown;
}): Promise<{ number: string; name: string }[]> {
  const { ctx } = args;
  requireRole(ctx, "admin");
  const input = parseInput(Input, args.input);
  const entity = ENTITY[input.type];
  const { connectors, catalogs } = await buildConnectors(ctx.db, await activeConnections(ctx.db), {
    retry: { maxAttempts: 2 },
    entities: { erp: [entity], crm: [] },
  });
  // Items are named by displayName, resources by name.
  const fields = findEntity(catalogs.erp, entity)?.fields.map((field) => field.name) ?? [];
  const name = ["displayName", "name"].find((n) => fields.includes(n)) ?? "number";
  const pages = connectors.erp.readChanges({
    entity,
    filter: input.query ? f.contains(name, input.query) : undefined,
    select: ["number", name],
    pageSize: 50,
  });
  const first = await pages.next();
  await pages.return?.({});
  const records = first.done ? [] : first.value.records.slice(0, 50);
  return records.map((r) => ({ number: String(r.values.number ?? ""), name: String(r.values[name] ?? "") }));
}
