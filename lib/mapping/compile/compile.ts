import { RUNTIME_CONFIG_SCHEMA_VERSION, type MappingModel, type RuntimeConfig } from "../model/runtime-config";
import { TableMappingSchema, type TableMapping } from "../model/table-mapping";
import { graphToModel } from "../graph/graph-to-model";
import { parseGraph } from "../graph/parse-graph";
import { hasErrors, type Diagnostic } from "../validate/diagnostic";
import { validateModel, type ValidateOptions } from "../validate/validate-model";
import { canonicalJson, contentHash } from "./canonical-json";
import { dependencyOrder } from "./dependency-order";

export type CompileResult = { config?: RuntimeConfig; diagnostics: Diagnostic[] };

/** One mapping in canonical form: defaults applied, fields and dependencies sorted, nothing undefined. */
function normalize(mapping: TableMapping): TableMapping {
  const parsed = TableMappingSchema.parse(mapping);
  const fields = [...parsed.fields].sort((a, b) => (canonicalJson(a) < canonicalJson(b) ? -1 : 1));
  return JSON.parse(canonicalJson({ ...parsed, fields, dependsOn: [...new Set(parsed.dependsOn)].sort() })) as TableMapping;
}

/** Model → runtime config; refuses (no config) while any error diagnostic remains. */
export function compileModel(model: MappingModel, options: ValidateOptions = {}): CompileResult {
  const diagnostics = validateModel(model, options);
  if (hasErrors(diagnostics)) return { diagnostics };
  const mappings = dependencyOrder(model.mappings.map(normalize));
  const body = { schemaVersion: RUNTIME_CONFIG_SCHEMA_VERSION, mappings };
  return { config: { schemaVersion: RUNTIME_CONFIG_SCHEMA_VERSION, version: contentHash(body), mappings }, diagnostics };
}

/** The designer's graph, as saved or imported (untrusted), → diagnostics pinned to nodes and edges, and a config. */
export function compileGraph(input: unknown, options: Omit<ValidateOptions, "origins"> = {}): CompileResult {
  const parsed = parseGraph(input);
  const converted = graphToModel(parsed.graph, parsed.droppedNodes);
  const compiled = compileModel(converted.model, { ...options, origins: converted.origins });
  const diagnostics = [...parsed.diagnostics, ...converted.diagnostics, ...compiled.diagnostics];
  return hasErrors(diagnostics) ? { diagnostics } : { config: compiled.config, diagnostics };
}

/** Validation only, for the designer's problems panel and `tandem validate`. */
export function validateGraph(input: unknown, options: Omit<ValidateOptions, "origins"> = {}): Diagnostic[] {
  return compileGraph(input, options).diagnostics;
}

/** The config as text: keys sorted, two-space indent; the same config always gives the same bytes. */
export function serializeConfig(config: RuntimeConfig): string {
  return `${canonicalJson(config, 2)}\n`;
}
