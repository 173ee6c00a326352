/** The pure mapping core: models, graph ⇄ model, validation, compiler, filters, transforms, template, files. */
export * from "./model";
export * from "./graph/graph";
export { parseGraph } from "./graph/parse-graph";
export { graphToModel, type ModelOrigins } from "./graph/graph-to-model";
export { modelToGraph } from "./graph/model-to-graph";
export { autoLayout } from "./graph/auto-layout";
export {
  DIAGNOSTIC_CODES,
  hasErrors,
  type Diagnostic,
  type DiagnosticCode,
  type Severity,
} from "./validate/diagnostic";
export { validateModel } from "./validate/validate-model";
export type { Catalogs } from "./validate/validation-context";
export { compileGraph, compileModel, serializeConfig, validateGraph, type CompileResult } from "./compile/compile";
export { canonicalJson, contentHash } from "./compile/canonical-json";
export { toODataFilter, odataLiteral, type ODataDialect } from "./filter/odata-filter";
export { toPredicate, type RecordPredicate } from "./filter/filter-predicate";
export { FilterError } from "./filter/filter-error";
export { applyTransforms } from "./transform/apply-transforms";
export { TransformError } from "./transform/transform-error";
export { exportConfig, exportGraph, importDocument, ImportError, type ImportedDocument } from "./io/documents";
export { BC_SALES_TEMPLATE, bcSalesTemplateGraph, bcSalesTemplateModel, TEMPLATE_CATALOGS } from "./template/bc-sales";
export { STATIC_CATALOGS } from "./template/catalogs";
