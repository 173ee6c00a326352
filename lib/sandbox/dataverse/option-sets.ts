import type { CatalogEntity, EnumOption, SchemaCatalog } from "@/lib/mapping/model/catalog";
import { stableUuid } from "../stable-uuid";
import type { SandboxStore } from "../store/sandbox-store";

/** Option-set pseudo entities are named <table logical name>.<column>, like "account.paymenttermscode". */
export function optionSetEntities(catalog: SchemaCatalog): { entity: CatalogEntity; table: string; column: string }[] {
  return catalog.entities.flatMap((entity) => {
    if (entity.kind !== "optionset") return [];
    const [table, column] = entity.name.split(".");
    return table && column ? [{ entity, table, column }] : [];
  });
}

export const optionRecordId = (optionSet: string, value: number) => stableUuid(`option:${optionSet}:${value}`);

/**
 * The catalog as it is now: option-set columns take their options from the option records in the store
 * (InsertOptionValue adds to them), everything else as declared.
 */
export async function currentCatalog(catalog: SchemaCatalog, store: SandboxStore): Promise<SchemaCatalog> {
  const sets = optionSetEntities(catalog);
  if (sets.length === 0) return catalog;
  const options = new Map<string, EnumOption[]>();
  for (const { entity, table, column } of sets) {
    const records = await store.query({ entity: entity.name, limit: 10_000 });
    if (!records.length) continue;
    // Declared options, then what InsertOptionValue/UpdateOptionValue stored (by value).
    const declared =
      catalog.entities.find((e) => e.logicalName === table)?.fields.find((f) => f.name === column)?.options ?? [];
    const merged = new Map<number, EnumOption>(
      declared.map((o) => [Number(o.value), { value: Number(o.value), label: o.label }]),
    );
    for (const r of records)
      merged.set(Number(r.data.value), { value: Number(r.data.value), label: String(r.data.label) });
    options.set(
      `${table}.${column}`,
      [...merged.values()].sort((a, b) => Number(a.value) - Number(b.value)),
    );
  }
  return {
    ...catalog,
    entities: catalog.entities.map((entity) => {
      const changed = entity.fields.some((f) => options.has(`${entity.logicalName}.${f.name}`));
      if (!changed) return entity;
      return {
        ...entity,
        fields: entity.fields.map((f) => ({
          ...f,
          ...(options.has(`${entity.logicalName}.${f.name}`)
            ? { options: options.get(`${entity.logicalName}.${f.name}`) }
            : {}),
        })),
      };
    }),
  };
}
