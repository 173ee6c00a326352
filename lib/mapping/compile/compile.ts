import { RUNTIME_CONFIG_SCHEMA_VERSION, type MappingModel, type RuntimeConfig } from "../model/runtime-config";
import type { FieldMapping, TableMapping } from "../model/table-mapping";
import { graphToModel } from "../graph/graph-to-model";
import { parseGraph } from "../graph/parse-graph";
import { hasErrors, type Diagnostic } from "../validate/diagnostic";
import { validateModel, type ValidateOptions } from "../validate/validate-model";
import { canonicalize, canonicalJson, sha256Hex } from "./canonical-json";
import { dependencyOrder } from "./dependency-order";

export type CompileResult = { config?: RuntimeConfig; diagnostics: Diagnostic[] };

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const fieldKey = (f: FieldMapping) => `${f.erp ?? ""}\u0000${f.crm ?? ""}\u0000${f.direction}`;

/** An empty transform list means no transforms: both spell the same mapping. */
function normalizeField(field: FieldMapping): FieldMapping {
  return field.transforms?.length === 0 ? { ...field, transforms: undefined, transformFlow: undefined } : field;
}

/** One mapping in canonical form: keys sorted, fields, groups and dependencies sorted, nothing undefined. */
function normalize(mapping: TableMapping): TableMapping {
  // A cheap key orders almost every field; the full canonical text only breaks ties.
  const fields = mapping.fields
    .map(normalizeField)
    .sort((a, b) => compare(fieldKey(a), fieldKey(b)) || compare(canonicalJson(a), canonicalJson(b)));
  const match = mapping.match && {
    ...mapping.match,
    groups: [...mapping.match.groups].sort(
      (a, b) => a.priority - b.priority || compare(canonicalJson(a), canonicalJson(b)),
    ),
  };
  return canonicalize({ ...mapping, fields, match, dependsOn: [...new Set(mapping.dependsOn)].sort() }) as TableMapping;
}

/** Model → runtime config; refuses (no config) while any error diagnostic remains. */
export function compileModel(model: MappingModel, options: ValidateOptions = {}): CompileResult {
  const diagnostics = validateModel(model, options);
  if (hasErrors(diagnostics)) return { diagnostics };
  const mappings = dependencyOrder(model.mappings.map(normalize));
  // Keys in sorted order and mappings already canonical, so this is the canonical JSON contentHash() would build.
  const version = sha256Hex(JSON.stringify({ mappings, schemaVersion: RUNTIME_CONFIG_SCHEMA_VERSION }));
  return { config: { schemaVersion: RUNTIME_CONFIG_SCHEMA_VERSION, version, mappings }, diagnostics };
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
