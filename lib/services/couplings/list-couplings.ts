import { and, asc, count, desc, eq, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { couplings, type Coupling } from "@/db/schema";
import { MappingNameSchema } from "@/lib/mapping/model/table-mapping";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { activePairOrNull } from "../connections/active-pair";

const Optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());

export const ListCouplingsInput = z.object({
  mapping: MappingNameSchema,
  /** failed: the last pass into a side failed (retried first); skipped: failed twice, waiting for a Restore. */
  state: z.enum(["all", "failed", "skipped"], { message: "state is all, failed or skipped" }).default("all"),
  /** The beginning of an ERP or CRM id, in any case (indexed: see migration 0011). */
  q: Optional(z.string().trim().max(100)),
  sort: z.enum(["updatedAt", "erpId", "crmId"]).default("updatedAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(50),
});
export type ListCouplingsQuery = z.output<typeof ListCouplingsInput>;

export type CouplingRow = Pick<
  Coupling,
  | "id"
  | "erpId"
  | "crmId"
  | "lastSyncedErpModifiedOn"
  | "lastSyncedCrmModifiedOn"
  | "lastResultErp"
  | "lastResultCrm"
  | "lastErrorErp"
  | "lastErrorCrm"
  | "skipped"
  | "updatedAt"
>;

const SORTS = { updatedAt: couplings.updatedAt, erpId: couplings.erpId, crmId: couplings.crmId } as const;
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** BC's Coupled Records: a mapping's couplings in the active pair, filtered, sorted and paged by the database. */
export async function listCouplings(args: {
  ctx: ServiceContext;
  input: unknown;
}): Promise<{ rows: CouplingRow[]; total: number; query: ListCouplingsQuery }> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const query = parseInput(ListCouplingsInput, args.input);
  const pairId = await activePairOrNull(ctx.db);
  if (!pairId) return { rows: [], total: 0, query };
  const where: SQL[] = [eq(couplings.pairId, pairId), eq(couplings.mappingName, query.mapping)];
  if (query.state === "skipped") where.push(eq(couplings.skipped, true));
  if (query.state === "failed")
    where.push(
      and(
        eq(couplings.skipped, false),
        or(eq(couplings.lastResultErp, "failure"), eq(couplings.lastResultCrm, "failure")),
      )!,
    );
  if (query.q) {
    const prefix = `${escapeLike(query.q.toLowerCase())}%`;
    where.push(or(sql`lower(${couplings.erpId}) like ${prefix}`, sql`lower(${couplings.crmId}) like ${prefix}`)!);
  }
  const filter = and(...where);
  const column = SORTS[query.sort];
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select({
        id: couplings.id,
        erpId: couplings.erpId,
        crmId: couplings.crmId,
        lastSyncedErpModifiedOn: couplings.lastSyncedErpModifiedOn,
        lastSyncedCrmModifiedOn: couplings.lastSyncedCrmModifiedOn,
        lastResultErp: couplings.lastResultErp,
        lastResultCrm: couplings.lastResultCrm,
        lastErrorErp: couplings.lastErrorErp,
        lastErrorCrm: couplings.lastErrorCrm,
        skipped: couplings.skipped,
        updatedAt: couplings.updatedAt,
      })
      .from(couplings)
      .where(filter)
      .orderBy(query.order === "asc" ? asc(column) : desc(column), asc(couplings.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    ctx.db.select({ n: count() }).from(couplings).where(filter),
  ]);
  return { rows, total: Number(total?.n ?? 0), query };
}
