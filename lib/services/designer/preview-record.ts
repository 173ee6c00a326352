import { AppError } from "@/lib/errors";
import { graphToModel } from "@/lib/mapping/graph/graph-to-model";
import { parseGraph } from "@/lib/mapping/graph/parse-graph";
import { findEntity, findField } from "@/lib/mapping/model/catalog";
import { carries, flowsOf, sourceSide, targetSide, type Flow } from "@/lib/mapping/model/direction";
import { RUNTIME_CONFIG_SCHEMA_VERSION } from "@/lib/mapping/model/runtime-config";
import { fieldPairLabel } from "@/lib/mapping/diff/config-diff";
import type { CatalogField } from "@/lib/mapping/model/catalog";
import type { FieldMapping } from "@/lib/mapping/model/table-mapping";
import { applyTransforms } from "@/lib/mapping/transform/apply-transforms";
import { transformErrorMessage } from "@/lib/mapping/transform/transform-error-message";
import { fieldValue } from "@/lib/sync/decide/field-value";
import { createEngineContext } from "@/lib/sync/engine/engine-context";
import { prepareLookups } from "@/lib/sync/engine/lookup-resolver";
import { BC_SALES_RULES } from "@/lib/rules/bc-sales";
import { buildConnectors } from "@/lib/integration/build-connectors";
import { activeConnections, activePairId } from "@/lib/integration/integration-connections";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { PreviewRecordInput } from "./designer-schemas";

export type PreviewField = {
  field: string;
  target: string;
  source: unknown;
  outcome: "write" | "skip" | "error";
  value?: unknown;
  error?: string;
};
export type PreviewFlow = { flow: Flow; fields: PreviewField[] };
export type RecordPreview = { mapping: string; recordId: string; label: string; flows: PreviewFlow[] };

/**
 * A failed transform chain, as a preview shows it: a fixed message and the code, not the engine's text. The
 * engine's record error keeps only TRANSFORM_FAILED, so the chain (bounded: linear regexes, JSONata's time budget)
 * runs once more to learn which error it was.
 */
async function transformFailure(
  field: FieldMapping,
  source: unknown,
  record: Record<string, unknown>,
  target: CatalogField | undefined,
): Promise<string> {
  try {
    await applyTransforms(source, field.transforms ?? [], { record, targetMaxLength: target?.maxLength });
  } catch (error) {
    return transformErrorMessage(error);
  }
  return transformErrorMessage(null);
}

/**
 * The payload the drawn (unpublished) mapping would write for one real source record, field by field, per flow
 * leaving that record's side. Lookups resolve through the real couplings; nothing is written anywhere.
 */
export async function previewRecord(args: { ctx: ServiceContext; input: unknown }): Promise<RecordPreview> {
  const { ctx } = args;
  requireRole(ctx, "consultant");
  const input = parseInput(PreviewRecordInput, args.input);
  const { model } = graphToModel(parseGraph(input.graph).graph);
  const mapping = model.mappings.find((m) => m.name === input.mapping);
  if (!mapping) throw new AppError("NOT_FOUND", `The canvas has no table mapping ${input.mapping}.`);
  // A real tenant describes what the canvas maps (a Dataverse environment has hundreds of tables).
  const entities = (side: "erp" | "crm") => [...new Set(model.mappings.map((m) => m[side].entity))];
  const { connectors, catalogs } = await buildConnectors(ctx.db, await activeConnections(ctx.db), {
    retry: { maxAttempts: 2 },
    entities: { erp: entities("erp"), crm: entities("crm") },
  });
  const entity = findEntity(catalogs[input.side], mapping[input.side].entity);
  const [record] = await connectors[input.side].readByIds(mapping[input.side].entity, [input.recordId]);
  if (!record) throw new AppError("NOT_FOUND", `No ${mapping[input.side].entity} record ${input.recordId} was found.`);
  const engine = createEngineContext({
    db: ctx.db,
    pairId: await activePairId(ctx.db),
    config: { schemaVersion: RUNTIME_CONFIG_SCHEMA_VERSION, version: "preview", mappings: model.mappings },
    connectors,
    catalogs,
    rules: BC_SALES_RULES,
  });
  const flows: PreviewFlow[] = [];
  for (const flow of flowsOf(mapping.direction).filter((fl) => sourceSide(fl) === input.side)) {
    const lookups = await prepareLookups(engine, mapping, flow, [record]).catch((error: unknown) => {
      throw new AppError(
        "VALIDATION_FAILED",
        `Lookups cannot be resolved: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
    const targetEntity = findEntity(catalogs[targetSide(flow)], mapping[targetSide(flow)].entity);
    const fields: PreviewField[] = [];
    for (const field of mapping.fields.filter(
      (fm) => fm.enabled && carries(fm.direction, flow) && fm[targetSide(flow)],
    )) {
      const target = field[targetSide(flow)]!;
      const source = field.constant !== undefined ? field.constant : record.values[field[sourceSide(flow)] ?? ""];
      const targetField = findField(targetEntity, target);
      const outcome = await fieldValue(field, flow, record.values, lookups, targetField);
      const error =
        outcome.kind !== "error"
          ? undefined
          : outcome.error.code === "TRANSFORM_FAILED"
            ? await transformFailure(field, source, record.values, targetField)
            : outcome.error.message;
      fields.push({
        field: fieldPairLabel(field),
        target,
        source: source ?? null,
        outcome: outcome.kind,
        ...(outcome.kind === "write" ? { value: outcome.value ?? null } : {}),
        ...(error !== undefined ? { error } : {}),
      });
    }
    flows.push({ flow, fields });
  }
  const nameField = ["displayName", "name", "fullname", entity?.primaryName].find(
    (n) => n && record.values[n] !== undefined && record.values[n] !== null,
  );
  const label = nameField ? String(record.values[nameField]) : record.id;
  return { mapping: mapping.name, recordId: record.id, label, flows };
}
