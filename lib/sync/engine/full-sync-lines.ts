import type { TableMapping } from "@/lib/mapping/model/table-mapping";
import { fullSyncMappings, recommend, type Recommendation } from "../plan/full-sync-plan";
import { ruleContext, type EngineContext } from "./engine-context";

export type PlannedLine = { mapping: TableMapping; recommendation: Recommendation; dependsOn: string[] };

async function recommendationFor(ctx: EngineContext, mapping: TableMapping): Promise<Recommendation> {
  // The recommendation is a decision: exact counts, never a day-old snapshot — and only "none, one or more" matters.
  const exact = { exact: true, upTo: 2 };
  const counts = {
    erp: await ctx.connectors.erp.count(mapping.erp.entity, mapping.erp.filter, exact),
    crm: await ctx.connectors.crm.count(mapping.crm.entity, mapping.crm.filter, exact),
  };
  let answer: Recommendation | undefined;
  for (const rule of ctx.rules) answer ??= await rule.recommend?.(ruleContext(ctx), mapping, counts);
  answer ??= recommend(counts.erp, counts.crm);
  // Coupling needs match fields; without them the only way to bring both sides together is to create.
  return answer === "couple" && !mapping.match ? "full" : answer;
}

/**
 * BC's Full Synchronization Review lines (§5.4): the mappings that are lines, in dependency order, each with its
 * recommendation and the parents it waits for among the lines. The run and its preview both start from here.
 */
export async function planFullSyncLines(ctx: EngineContext): Promise<PlannedLine[]> {
  const mappings = fullSyncMappings(ctx.config, ctx.rules);
  const names = new Set(mappings.map((m) => m.name));
  const lines: PlannedLine[] = [];
  for (const mapping of mappings)
    lines.push({
      mapping,
      recommendation: await recommendationFor(ctx, mapping),
      dependsOn: mapping.dependsOn.filter((d) => names.has(d)),
    });
  return lines;
}
