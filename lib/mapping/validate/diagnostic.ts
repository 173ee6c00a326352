/** Every diagnostic code, its default severity and what it means; codes are stable, messages are not. */
export const DIAGNOSTIC_CODES = {
  GRAPH_INVALID: { severity: "error", summary: "The graph does not have the expected shape" },
  GRAPH_DANGLING_REFERENCE: {
    severity: "error",
    summary: "A node or edge points at something missing or of the wrong kind",
  },
  INVALID_SETTING: { severity: "error", summary: "A setting of a table mapping has an invalid value" },
  DUPLICATE_MAPPING_NAME: { severity: "error", summary: "Two table mappings share a name" },
  UNKNOWN_ENTITY: { severity: "error", summary: "The entity is not offered by the connected system" },
  UNKNOWN_FIELD: { severity: "error", summary: "The field does not exist on the entity" },
  FIELD_MAPPING_INCOMPLETE: { severity: "error", summary: "A field mapping has no source, no target, or no constant" },
  TYPE_MISMATCH: { severity: "error", summary: "The value cannot go into the target field's type without a transform" },
  FIELD_DIRECTION_NOT_ALLOWED: {
    severity: "error",
    summary: "The field moves data in a direction its table mapping does not",
  },
  DIRECTION_WITHOUT_FIELDS: {
    severity: "error",
    summary: "The table mapping syncs a direction no enabled field mapping carries",
  },
  DUPLICATE_TARGET_FIELD: { severity: "error", summary: "Two field mappings write the same target field" },
  CONSTANT_ON_MAPPED_FIELD: { severity: "error", summary: "A constant is written into a field that is also mapped" },
  READ_ONLY_TARGET: { severity: "error", summary: "The target field cannot be written" },
  CREATE_ONLY_TARGET: {
    severity: "warning",
    summary: "The target field can only be set on create, but the mapping would update it",
  },
  TRUNCATION_RISK: { severity: "warning", summary: "Values may be longer than the target field allows" },
  UNKNOWN_DEPENDENCY: {
    severity: "error",
    summary: "A dependency or parent names a table mapping that does not exist",
  },
  CYCLIC_DEPENDENCY: { severity: "error", summary: "Table mappings depend on each other in a cycle" },
  UNKNOWN_LOOKUP_MAPPING: { severity: "error", summary: "A lookup names a table mapping that does not exist" },
  LOOKUP_NOT_A_DEPENDENCY: {
    severity: "error",
    summary: "A lookup or parent resolves through a mapping that is not a dependency",
  },
  LOOKUP_TARGET_MISMATCH: {
    severity: "error",
    summary: "The lookup's mapping syncs another entity than the field points to",
  },
  VALUE_MAP_MISSING_VALUES: { severity: "warning", summary: "Some source values have no pair in the value map" },
  VALUE_MAP_UNKNOWN_VALUE: { severity: "error", summary: "A value map pair uses a value the field does not have" },
  VALUE_MAP_NOT_REVERSIBLE: { severity: "error", summary: "A bidirectional value map cannot be read backwards" },
  VALUE_MAP_AMBIGUOUS: { severity: "error", summary: "A source value is paired with more than one target value" },
  INVALID_TRANSFORM: { severity: "error", summary: "A transform's settings cannot work on this value" },
  INVALID_EXPRESSION: { severity: "error", summary: "A JSONata expression does not parse" },
  FILTER_UNKNOWN_FIELD: { severity: "error", summary: "A filter uses a field the entity does not have" },
  FILTER_VALUE_TYPE: { severity: "error", summary: "A filter compares a field with a value of the wrong type" },
  FILTER_UNSUPPORTED: { severity: "error", summary: "The system cannot run this filter" },
  MATCH_FIELD_UNMATCHABLE: { severity: "error", summary: "A match-based coupling field cannot be matched" },
} as const;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
export type Severity = "error" | "warning";

/** Where a problem is: canvas ids for the designer, a JSON path for files and the CLI. */
export type DiagnosticLocation = { nodeId?: string; edgeId?: string; path?: string; mapping?: string };

export type Diagnostic = DiagnosticLocation & { code: DiagnosticCode; severity: Severity; message: string };

export function diagnostic(code: DiagnosticCode, message: string, location: DiagnosticLocation = {}): Diagnostic {
  return { code, severity: DIAGNOSTIC_CODES[code].severity, message, ...location };
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === "error");
