import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { syncConflicts, syncJobErrors, syncJobs, type JobHold } from "@/db/schema";
import type { SyncDirection } from "@/db/schema/enums";
import { addCounters, emptyCounters, type CounterName, type Counters } from "../model/counters";
import type { ConflictOutcome } from "../model/record-plan";
import type { RecordError } from "../model/sync-error-codes";

export type JobStart = {
  pairId: string;
  mappingName: string;
  direction: SyncDirection;
  type?: "synchronization" | "coupling" | "uncoupling";
  trigger: string;
  mode: string;
  configVersion: string;
  startedBy?: string | null;
};

export type ErrorRow = RecordError & { sourceId?: string | null; destinationId?: string | null; payload?: unknown };
export type ConflictRow = ConflictOutcome & { erpId: string; crmId: string };

/**
 * One pass's row in sync_jobs, with its counters, error rows and conflicts. Counters are written after every page so
 * progress is visible while the job runs (BC commits them after each increment); the heartbeat shows it is alive.
 */
export class JobRecorder {
  readonly counters: Counters = emptyCounters();
  private errors: ErrorRow[] = [];
  private conflicts: ConflictRow[] = [];

  private constructor(
    private readonly db: Database,
    readonly id: string,
    readonly mappingName: string,
    readonly pairId: string,
  ) {}

  static async start(db: Database, start: JobStart): Promise<JobRecorder> {
    const now = new Date();
    const [row] = await db
      .insert(syncJobs)
      .values({
        ...start,
        type: start.type ?? "synchronization",
        status: "running",
        startedAt: now,
        heartbeatAt: now,
        startedBy: start.startedBy ?? null,
      })
      .returning({ id: syncJobs.id });
    return new JobRecorder(db, row!.id, start.mappingName, start.pairId);
  }

  /** How many records the pass expects to read, for its progress bar. */
  async expect(records: number): Promise<void> {
    await this.db.update(syncJobs).set({ expected: records }).where(eq(syncJobs.id, this.id));
  }

  count(name: CounterName, by = 1): void {
    this.counters[name] += by;
  }

  add(counters: Partial<Counters>): void {
    addCounters(this.counters, counters);
  }

  error(row: ErrorRow): void {
    this.errors.push(row);
  }

  conflict(row: ConflictRow): void {
    this.conflicts.push(row);
  }

  /** Writes counters, heartbeat, and the error and conflict rows gathered since the last flush. */
  async flush(): Promise<void> {
    const errors = this.errors.splice(0);
    const conflicts = this.conflicts.splice(0);
    if (errors.length) {
      await this.db.insert(syncJobErrors).values(
        errors.map((e) => ({
          jobId: this.id,
          sourceId: e.sourceId ?? null,
          destinationId: e.destinationId ?? null,
          code: e.code,
          message: e.message.slice(0, 2048),
          detail: e.detail ?? null,
          field: e.field ?? null,
          payload: e.payload ?? null,
        })),
      );
    }
    if (conflicts.length) {
      await this.db.insert(syncConflicts).values(
        conflicts.map((c) => ({
          jobId: this.id,
          pairId: this.pairId,
          mappingName: this.mappingName,
          kind: c.kind,
          erpId: c.erpId,
          crmId: c.crmId,
          resolution: c.resolution,
          changes: c.changes,
          status: c.resolution === "queued" ? "open" : "closed",
        })),
      );
    }
    await this.db
      .update(syncJobs)
      .set({ ...this.counters, heartbeatAt: new Date() })
      .where(eq(syncJobs.id, this.id));
  }

  async finish(status: "succeeded" | "failed", message?: string): Promise<void> {
    await this.flush();
    await this.db
      .update(syncJobs)
      .set({ status, message: message ?? null, finishedAt: new Date() })
      .where(eq(syncJobs.id, this.id));
  }

  /** The guard stopped the pass before it wrote: the job waits, with the guard's numbers, for an admin's decision. */
  async hold(message: string, hold: JobHold): Promise<void> {
    await this.flush();
    await this.db
      .update(syncJobs)
      .set({ status: "held", message, hold, finishedAt: new Date() })
      .where(eq(syncJobs.id, this.id));
  }
}
