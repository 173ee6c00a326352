import { randomUUID } from "node:crypto";
import type { CatalogEntity } from "@/lib/mapping/model/catalog";
import type { EntityRecord } from "../store/bulk-write";

/**
 * Creating a unit group (uomschedule) also creates its base unit, as Dataverse does: a uom named baseuomname in the
 * group, its own base unit, quantity 1. Nothing when the group has no baseuomname.
 */
export function baseUnitOf(
  entity: CatalogEntity,
  groupId: string,
  data: Record<string, unknown>,
  modifiedBy: string | null,
): EntityRecord[] {
  if (entity.name !== "uomschedules" || typeof data.baseuomname !== "string" || !data.baseuomname) return [];
  const id = randomUUID();
  const unit = {
    name: data.baseuomname,
    uomscheduleid: groupId,
    "uomscheduleid@target": "uomschedules",
    baseuom: id,
    "baseuom@target": "uoms",
    quantity: 1,
    isschedulebaseuom: true,
  };
  return [{ entity: "uoms", record: { id, data: unit, modifiedBy } }];
}
