import type { CatalogEntity, CatalogField, SchemaCatalog } from "../model/catalog";
import { findEntity } from "../model/catalog";
import type { Side } from "../model/direction";
import type { MappingModel } from "../model/runtime-config";
import type { TableMapping } from "../model/table-mapping";
import type { ModelOrigins } from "../graph/graph-to-model";
import { diagnostic, type Diagnostic, type DiagnosticCode, type DiagnosticLocation } from "./diagnostic";

export type Catalogs = Partial<Record<Side, SchemaCatalog>>;

/** Shared by the rule families: the model, the catalogs (either may be absent offline), and where things came from. */
export class ValidationContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly byName: Map<string, TableMapping>;

  constructor(
    readonly model: MappingModel,
    readonly catalogs: Catalogs,
    readonly origins?: ModelOrigins,
  ) {
    this.byName = new Map(model.mappings.map((mapping) => [mapping.name, mapping]));
  }

  /** Canvas ids when the model came from a graph, a JSON path always. */
  at(mappingIndex: number, part?: { field?: number; filter?: Side; suffix?: string }): DiagnosticLocation {
    const mapping = this.model.mappings[mappingIndex];
    const base = `mappings[${mappingIndex}]`;
    if (part?.field !== undefined) {
      const edgeId = this.origins?.fields[mappingIndex]?.[part.field];
      return {
        mapping: mapping?.name,
        path: `${base}.fields[${part.field}]${part.suffix ?? ""}`,
        ...(edgeId ? { edgeId } : {}),
      };
    }
    if (part?.filter) {
      const nodeId = this.origins?.filters[mappingIndex]?.[part.filter] ?? this.origins?.mappings[mappingIndex];
      return {
        mapping: mapping?.name,
        path: `${base}.${part.filter}.filter${part.suffix ?? ""}`,
        ...(nodeId ? { nodeId } : {}),
      };
    }
    const nodeId = this.origins?.mappings[mappingIndex];
    return { mapping: mapping?.name, path: `${base}${part?.suffix ?? ""}`, ...(nodeId ? { nodeId } : {}) };
  }

  report(code: DiagnosticCode, message: string, location: DiagnosticLocation): void {
    this.diagnostics.push(diagnostic(code, message, location));
  }

  // Indexed on first use: large integrations look up thousands of fields across hundreds of entities.
  private readonly entities = new Map<string, CatalogEntity | undefined>();
  private readonly fields = new Map<CatalogEntity, Map<string, CatalogField>>();

  /** The catalog entity of one side; undefined when there is no catalog for that side or the entity is unknown. */
  entity(mapping: TableMapping, side: Side): CatalogEntity | undefined {
    const key = `${side}\u0000${mapping[side].entity}`;
    if (!this.entities.has(key)) this.entities.set(key, findEntity(this.catalogs[side], mapping[side].entity));
    return this.entities.get(key);
  }

  field(mapping: TableMapping, side: Side, name: string | undefined): CatalogField | undefined {
    const entity = name === undefined ? undefined : this.entity(mapping, side);
    if (!entity || name === undefined) return undefined;
    let index = this.fields.get(entity);
    if (!index) this.fields.set(entity, (index = new Map(entity.fields.map((f) => [f.name, f]))));
    return index.get(name);
  }
}
