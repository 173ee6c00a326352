import type { CatalogEntity } from "@/lib/mapping/model/catalog";

/** The field of Tandem's API pages that carries a create's idempotency key. */
export const INTEGRATION_KEY_FIELD = "integrationKey";

/**
 * The entities of a described tenant: a Tandem page over a table the standard API also serves becomes that entity's
 * `extension` (its extra fields join the entity), and the integration key is taken out of the mappable fields.
 */
export function mergeTandemPages(
  standard: CatalogEntity[],
  tandem: CatalogEntity[],
  tandemApi: string,
): CatalogEntity[] {
  const own = (entity: CatalogEntity): CatalogEntity => {
    const hasKey = entity.fields.some((f) => f.name === INTEGRATION_KEY_FIELD);
    return hasKey
      ? {
          ...entity,
          fields: entity.fields.filter((f) => f.name !== INTEGRATION_KEY_FIELD),
          extension: { api: tandemApi, fields: [], integrationKey: INTEGRATION_KEY_FIELD },
        }
      : entity;
  };
  const byName = new Map(tandem.map((entity) => [entity.name, own(entity)]));
  const merged = standard.map((entity) => {
    const page = byName.get(entity.name);
    if (!page) return entity;
    byName.delete(entity.name);
    const known = new Set(entity.fields.map((f) => f.name));
    const extra = page.fields.filter((f) => !known.has(f.name));
    return {
      ...entity,
      fields: [...entity.fields, ...extra],
      extension: { api: tandemApi, fields: extra.map((f) => f.name), integrationKey: page.extension?.integrationKey },
    };
  });
  return [...merged, ...byName.values()];
}
