import { guardLimit, type GuardSettings } from "../decide/mass-change-guard";
import type { PlannedRecord } from "./plan-page";

const BUFFER_RECORDS = 20_000;

/** A plan that would undo work on a coupled record: overwrite it, uncouple it, or create it again. */
export function isDestructive(item: PlannedRecord): boolean {
  const { plan } = item;
  if (item.matched) return false;
  return (
    plan.action === "modify" || plan.action === "uncouple" || (plan.action === "insert" && Boolean(plan.restoredFrom))
  );
}

/**
 * Holds a guarded pass's plans until it is clear the run stays under the mass-change limit, so an abort happens
 * before anything is written. Past the buffer's size it only counts; the pass then reads again to write.
 */
export class MassChangeBuffer {
  readonly limit: number;
  planned = 0;
  private held: PlannedRecord[][] = [];
  private heldRecords = 0;
  overflowed = false;

  constructor(
    readonly coupledTotal: number,
    readonly settings: GuardSettings,
  ) {
    this.limit = guardLimit(coupledTotal, settings);
  }

  get active(): boolean {
    return Number.isFinite(this.limit);
  }

  /** Takes a page; false once the limit is passed (abort). */
  offer(page: PlannedRecord[]): boolean {
    this.planned += page.filter(isDestructive).length;
    if (this.planned > this.limit) return false;
    if (!this.overflowed) {
      this.heldRecords += page.length;
      if (this.heldRecords > BUFFER_RECORDS) {
        this.overflowed = true;
        this.held = [];
      } else this.held.push(page);
    }
    return true;
  }

  drain(): PlannedRecord[][] {
    return this.held.splice(0);
  }
}
