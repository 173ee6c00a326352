/**
 * What an integration's rules may use of the engine: the rule contract, and the few helpers a rule needs to read the
 * other side and cache what it read for the run. Rules import from here only, never from the engine's inner files,
 * so the engine can change behind this surface (lib/integration/engine-knows-no-system.test.ts keeps it so).
 */
export type { RuleContext, RuleError, RuleOutcome, SyncRule, WrittenRecord } from "./sync-rule";
export type { Recommendation } from "../plan/full-sync-plan";
/** The value `key` computes once per run, shared by the rules (and pages) of that run. */
export { cached } from "../engine/engine-context";
/** Small result sets only: every record a query returns; records whose field has one of some values. */
export { readAll, readWhereIn } from "../engine/read-records";
/** A lookup's or a plain value's id, lower case, or null when blank; whether a value is blank. */
export { isBlank, referenceId } from "../decide/compare-values";
