import { SchemaCatalogSchema, type SchemaCatalog, type CatalogField } from "../model/catalog";
import type { MappingModel } from "../model/runtime-config";
import type { FieldMapping, TableMapping } from "../model/table-mapping";
import { modelToGraph } from "../graph/model-to-graph";
import type { MappingGraph } from "../graph/graph";

export type LargeGraph = {
  graph: MappingGraph;
  model: MappingModel;
  catalogs: { erp: SchemaCatalog; crm: SchemaCatalog };
};

const FIELD_KINDS: Pick<CatalogField, "type" | "maxLength">[] = [
  { type: "string", maxLength: 100 },
  { type: "decimal" },
  { type: "date" },
  { type: "boolean" },
  { type: "string", maxLength: 50 },
];

/**
 * A synthetic integration of `mappings` table mappings with `fieldsPerMapping` field mappings each: filters,
 * transforms, lookups through dependencies and value maps, so every rule family has work to do.
 */
export function generateLargeGraph(mappings = 200, fieldsPerMapping = 15): LargeGraph {
  const erpEntities = [];
  const crmEntities = [];
  const tables: TableMapping[] = [];
  for (let i = 0; i < mappings; i++) {
    const name = `MAP-${String(i).padStart(3, "0")}`;
    const fields = Array.from({ length: fieldsPerMapping }, (_, f) => ({ ...FIELD_KINDS[f % FIELD_KINDS.length]!, f }));
    const erpFields: CatalogField[] = [
      { name: "id", type: "guid" },
      { name: "modified", type: "datetime" },
      {
        name: "status",
        type: "enum",
        options: [
          { value: "Open", label: "Open" },
          { value: "Closed", label: "Closed" },
        ],
      },
      { name: "parentId", type: "lookup", lookupTargets: [`erp${Math.max(0, i - 1)}`] },
      ...fields.map(({ f, ...kind }) => ({ name: `e${f}`, ...kind })),
    ];
    const crmFields: CatalogField[] = [
      { name: "rowid", type: "guid" },
      { name: "modifiedon", type: "datetime" },
      {
        name: "statecode",
        type: "optionset",
        options: [
          { value: 0, label: "Active" },
          { value: 1, label: "Inactive" },
        ],
      },
      { name: "parentid", type: "lookup", lookupTargets: [`crm${Math.max(0, i - 1)}`] },
      ...fields.map(({ f, ...kind }) => ({
        name: `c${f}`,
        ...kind,
        ...(kind.maxLength ? { maxLength: kind.maxLength + 50 } : {}),
      })),
    ];
    erpEntities.push({ name: `erp${i}`, key: "id", modifiedOn: "modified", fields: erpFields });
    crmEntities.push({ name: `crm${i}`, key: "rowid", modifiedOn: "modifiedon", fields: crmFields });

    const dependsOn =
      i === 0
        ? []
        : [`MAP-${String(i - 1).padStart(3, "0")}`, ...(i > 10 ? [`MAP-${String(i - 10).padStart(3, "0")}`] : [])];
    const mapped: FieldMapping[] = fields.slice(0, fieldsPerMapping - (i === 0 ? 0 : 2)).map(({ f, type }) => ({
      erp: `e${f}`,
      crm: `c${f}`,
      direction: f % 3 === 0 ? "bidirectional" : "erp-to-crm",
      enabled: true,
      ...(type === "string"
        ? {
            transforms: [{ type: "trim" as const }, { type: "truncate" as const }],
            transformFlow: "crm-to-erp" as const,
          }
        : {}),
    }));
    if (i > 0) {
      mapped.push({
        erp: "parentId",
        crm: "parentid",
        direction: "erp-to-crm",
        enabled: true,
        lookup: { mapping: dependsOn[0]! },
      });
      mapped.push({
        erp: "status",
        crm: "statecode",
        direction: "erp-to-crm",
        enabled: true,
        valueMap: {
          pairs: [
            ["Open", 0],
            ["Closed", 1],
          ],
          onMissing: "blank",
        },
      });
    }
    tables.push({
      name,
      erp: {
        entity: `erp${i}`,
        key: "id",
        modifiedOn: "modified",
        filter: { kind: "compare", field: "status", op: "eq", value: "Open" },
      },
      crm: {
        entity: `crm${i}`,
        key: "rowid",
        modifiedOn: "modifiedon",
        filter: { kind: "and", items: [{ kind: "compare", field: "statecode", op: "eq", value: 0 }] },
      },
      direction: "bidirectional",
      syncOnlyCoupled: true,
      dependsOn,
      conflicts: { update: "fail", delete: "fail" },
      fields: mapped,
      schedule: { everyMinutes: 30 },
    });
  }
  const model = { mappings: tables };
  return {
    model,
    graph: modelToGraph(model),
    catalogs: {
      erp: SchemaCatalogSchema.parse({ system: "erp", name: "generated", entities: erpEntities }),
      crm: SchemaCatalogSchema.parse({ system: "crm", name: "generated", entities: crmEntities }),
    },
  };
}
