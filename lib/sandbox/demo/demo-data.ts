/**
 * The demo data both sandboxes are seeded with: CRONUS International Ltd. in Business Central and the same company's
 * Dynamics 365 Sales environment, with the overlaps and gaps the default template's couplings and filters meet in real
 * life (see the topic files for what each set contains and why).
 */
import type { NewRecord } from "../store/sandbox-store";
import { crmDocuments } from "./demo-crm-documents";
import { crmMasters } from "./demo-crm-masters";
import { crmParties } from "./demo-crm-parties";
import { erpDocuments } from "./demo-erp-documents";
import { erpMasters } from "./demo-erp-masters";
import { erpParties } from "./demo-erp-parties";
import { CRM_EDITOR, type DemoSet } from "./demo-ids";

export type DemoData = { erp: Record<string, NewRecord[]>; crm: Record<string, NewRecord[]> };

const HOUR_MS = 3_600_000;
/** Records were last modified between 2 and 682 hours before `now`, in the order listed; created up to 29 hours earlier. */
const NEWEST_HOURS = 2;
const OLDEST_HOURS = 682;

/** Gives every row its timestamps (spread over the 30 days before `now`) and, on the CRM side, a human editor. */
function stamp(sets: DemoSet, now: Date, modifiedBy: string | undefined): Record<string, NewRecord[]> {
  const total = Object.values(sets).reduce((n, rows) => n + rows.length, 0);
  let index = 0;
  const out: Record<string, NewRecord[]> = {};
  for (const [entity, rows] of Object.entries(sets)) {
    out[entity] = rows.map((row) => {
      const i = index++;
      const hoursAgo =
        NEWEST_HOURS + Math.round(((total - 1 - i) * (OLDEST_HOURS - NEWEST_HOURS)) / Math.max(1, total - 1));
      const modifiedAt = new Date(now.getTime() - hoursAgo * HOUR_MS);
      // Posts are never updated: created when last modified.
      const createdAt = entity === "posts" ? modifiedAt : new Date(modifiedAt.getTime() - ((i * 5) % 30) * HOUR_MS);
      return { id: row.id, data: row.data, createdAt, modifiedAt, ...(modifiedBy ? { modifiedBy } : {}) };
    });
  }
  return out;
}

export function demoData(now: Date): DemoData {
  const erp: DemoSet = { ...erpMasters(now), ...erpParties(now), ...erpDocuments(now) };
  const crm: DemoSet = { ...crmMasters(now), ...crmParties(now), ...crmDocuments(now) };
  return { erp: stamp(erp, now, undefined), crm: stamp(crm, now, CRM_EDITOR) };
}
