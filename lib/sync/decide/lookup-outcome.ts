import type { Flow } from "@/lib/mapping/model/direction";
import type { FieldMapping } from "@/lib/mapping/model/table-mapping";
import { isBlank } from "./compare-values";

/** What a lookup through another mapping's couplings gave for one source value. */
export type LookupOutcome =
  { kind: "value"; value: unknown } | { kind: "blank" } | { kind: "not-coupled"; message: string };

/** Resolves lookups from data fetched beforehand for the whole page; decisions stay free of I/O. */
export interface LookupResolver {
  resolve(field: FieldMapping, flow: Flow, sourceValue: unknown): LookupOutcome;
}

/** Lookups resolve to nothing: for tests and mappings without lookups. */
export const NO_LOOKUPS: LookupResolver = {
  resolve: (field, _flow, value) =>
    isBlank(value)
      ? { kind: "blank" }
      : { kind: "not-coupled", message: `No lookup data for ${field.lookup?.mapping ?? "?"}` },
};
