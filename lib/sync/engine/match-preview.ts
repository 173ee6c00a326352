import { AppError } from "@/lib/errors";
import { findMapping, type EngineContext } from "./engine-context";
import { matchPages } from "./match-pages";

export type MatchPreview = {
  /** What would couple: the ERP record, its match, and both values of the first match group's fields. */
  pairs: { erpId: string; crmId: string; matchedOn: string }[];
  /** Uncoupled ERP records with no unique match (they stay uncoupled, or are created if the mapping says so). */
  unmatched: string[];
  /** Uncoupled ERP records looked at; `more` when the preview stopped before the end. */
  read: number;
  more: boolean;
};

const MOST_READ = 2000;

/**
 * What match-based coupling would couple for the picked ERP records, or all of them, without writing anything: the
 * same matching the coupling job does, with a remote record given to one ERP record only.
 */
export async function previewMatchCoupling(ctx: EngineContext, name: string, ids?: string[]): Promise<MatchPreview> {
  const mapping = findMapping(ctx.config, name);
  if (!mapping.match)
    throw new AppError("VALIDATION_FAILED", `${mapping.name} has no match fields, so there is nothing to preview.`);
  const fields = mapping.match.groups[0]?.fields ?? [];
  const preview: MatchPreview = { pairs: [], unmatched: [], read: 0, more: false };
  const claimed = new Set<string>();
  for await (const { free, matches } of matchPages(ctx, mapping, ids, claimed)) {
    for (const record of free) {
      const match = matches.get(record.id.toLowerCase());
      if (!match) preview.unmatched.push(record.id);
      else
        preview.pairs.push({
          erpId: record.id,
          crmId: match.id,
          matchedOn: fields
            .map(
              (p) =>
                `${p.erp} ${JSON.stringify(record.values[p.erp] ?? null)} ↔ ${p.crm} ${JSON.stringify(match.values[p.crm] ?? null)}`,
            )
            .join(", "),
        });
    }
    preview.read += free.length;
    if (preview.read >= MOST_READ) {
      preview.more = true;
      break;
    }
  }
  return preview;
}
