import type { ReconciliationReport } from "@/db/schema";

export const SAMPLE_SIZE = 25;
/** Every drifted pair's ERP id is kept for "synchronize these", up to this many. */
export const DRIFTED_IDS_KEPT = 100_000;

/** Adds a reconciliation's counts up and keeps the first few ids of each kind as its samples. */
export class ReportBuilder {
  readonly report: ReconciliationReport = {
    erpInFilter: 0,
    crmInFilter: 0,
    coupled: 0,
    uncoupledErp: 0,
    uncoupledCrm: 0,
    vanished: 0,
    drifted: 0,
    unresolved: 0,
    samples: { uncoupledErp: [], uncoupledCrm: [], vanished: [], drifted: [], unresolved: [] },
  };

  readonly driftedErpIds: string[] = [];

  private keep<T>(list: T[], item: T): void {
    if (list.length < SAMPLE_SIZE) list.push(item);
  }

  uncoupled(side: "erp" | "crm", item: { id: string; name?: string }): void {
    if (side === "erp") {
      this.report.uncoupledErp++;
      this.keep(this.report.samples.uncoupledErp, item);
    } else {
      this.report.uncoupledCrm++;
      this.keep(this.report.samples.uncoupledCrm, item);
    }
  }

  vanished(item: ReconciliationReport["samples"]["vanished"][number]): void {
    this.report.vanished++;
    this.keep(this.report.samples.vanished, item);
  }

  drifted(item: ReconciliationReport["samples"]["drifted"][number]): void {
    this.report.drifted++;
    this.keep(this.report.samples.drifted, item);
    if (this.driftedErpIds.length < DRIFTED_IDS_KEPT) this.driftedErpIds.push(item.erpId);
  }

  unresolved(item: ReconciliationReport["samples"]["unresolved"][number]): void {
    this.report.unresolved++;
    this.keep(this.report.samples.unresolved, item);
  }
}
