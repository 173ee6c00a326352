import { previewMatchCoupling, type MatchPreview } from "@/lib/sync/engine/match-preview";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { MatchPreviewInput } from "./sync-schemas";
import { withEngine } from "./sync-service";

/** What match-based coupling would couple for the picked ERP records, or all; reads both systems, writes nothing. */
export async function previewMatchCouple(args: { ctx: ServiceContext; input: unknown }): Promise<MatchPreview> {
  const { ctx } = args;
  requireRole(ctx, "consultant");
  const input = parseInput(MatchPreviewInput, args.input);
  return withEngine(ctx, null, (engine) => previewMatchCoupling(engine, input.mapping, input.erpIds));
}
