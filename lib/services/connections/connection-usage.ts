import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { connectionHealth, connectionUsage } from "@/db/schema";
import type { ConnectorError } from "@/lib/connectors/odata/connector-error";
import { isConnectionFailure, type RequestMeter } from "@/lib/connectors/usage/request-meter";

type Bucket = { requests: number; throttled: number; failures: number };
type Pending = {
  buckets: Map<number, Bucket>;
  lastSuccessAt?: Date;
  lastThrottledAt?: Date;
  lastFailure?: { at: Date; code: string; message: string };
};

const FLUSH_AFTER_MS = 2000;
const minuteOf = (at: number) => Math.floor(at / 60_000) * 60_000;

/**
 * Counts a connection's requests per minute in memory and writes them a moment later (and at every job's end), so
 * a page of 2,000 records costs no extra round trip; every instance adds its own counts to the same rows.
 */
class UsageMeter implements RequestMeter {
  private pending: Pending = { buckets: new Map() };
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: Database,
    readonly connectionId: string,
    private readonly now: () => number = Date.now,
  ) {}

  private bucket(): Bucket {
    const minute = minuteOf(this.now());
    let bucket = this.pending.buckets.get(minute);
    if (!bucket) this.pending.buckets.set(minute, (bucket = { requests: 0, throttled: 0, failures: 0 }));
    this.schedule();
    return bucket;
  }

  private schedule(): void {
    this.timer ??= setTimeout(
      () => void this.flush().catch((error: unknown) => console.warn("[tandem] request usage not saved:", error)),
      FLUSH_AFTER_MS,
    );
    this.timer.unref?.();
  }

  sent(): void {
    this.bucket().requests++;
  }
  throttled(): void {
    this.bucket().throttled++;
    this.pending.lastThrottledAt = new Date(this.now());
  }
  succeeded(): void {
    this.pending.lastSuccessAt = new Date(this.now());
    this.schedule();
  }
  failed(error: ConnectorError): void {
    if (!isConnectionFailure(error.code)) return this.succeeded(); // the service answered: one record's trouble
    this.bucket().failures++;
    this.pending.lastFailure = { at: new Date(this.now()), code: error.code, message: error.message.slice(0, 500) };
  }

  private failedWrites = 0;

  /** Counts a write could not save go back to pending, for the next flush; after three failures they are dropped. */
  private restore(buckets: Map<number, Bucket>): void {
    if (++this.failedWrites > 3) return void (this.failedWrites = 0);
    for (const [minute, b] of buckets) {
      const into = this.pending.buckets.get(minute);
      if (!into) this.pending.buckets.set(minute, b);
      else for (const key of ["requests", "throttled", "failures"] as const) into[key] += b[key];
    }
    this.schedule();
  }

  private async writeBuckets(buckets: Map<number, Bucket>): Promise<void> {
    await this.db
      .insert(connectionUsage)
      .values([...buckets].map(([minute, b]) => ({ connectionId: this.connectionId, minute: new Date(minute), ...b })))
      .onConflictDoUpdate({
        target: [connectionUsage.connectionId, connectionUsage.minute],
        set: {
          requests: sql`${connectionUsage.requests} + excluded.requests`,
          throttled: sql`${connectionUsage.throttled} + excluded.throttled`,
          failures: sql`${connectionUsage.failures} + excluded.failures`,
        },
      });
  }

  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const { buckets, lastSuccessAt, lastThrottledAt, lastFailure } = this.pending;
    this.pending = { buckets: new Map() };
    if (buckets.size)
      await this.writeBuckets(buckets).then(
        () => void (this.failedWrites = 0),
        (error: unknown) => {
          this.restore(buckets);
          throw error;
        },
      );
    if (!lastSuccessAt && !lastThrottledAt && !lastFailure) return;
    const values = {
      connectionId: this.connectionId,
      lastSuccessAt: lastSuccessAt ?? null,
      lastThrottledAt: lastThrottledAt ?? null,
      lastFailureAt: lastFailure?.at ?? null,
      lastErrorCode: lastFailure?.code ?? null,
      lastError: lastFailure?.message ?? null,
      updatedAt: new Date(this.now()),
    };
    const latest = (column: { name: string }) =>
      sql`greatest(${sql.identifier("connection_health")}.${sql.identifier(column.name)}, excluded.${sql.identifier(column.name)})`;
    await this.db
      .insert(connectionHealth)
      .values(values)
      .onConflictDoUpdate({
        target: connectionHealth.connectionId,
        set: {
          lastSuccessAt: latest(connectionHealth.lastSuccessAt),
          lastThrottledAt: latest(connectionHealth.lastThrottledAt),
          lastFailureAt: latest(connectionHealth.lastFailureAt),
          lastErrorCode: lastFailure ? sql`excluded.last_error_code` : sql`${connectionHealth.lastErrorCode}`,
          lastError: lastFailure ? sql`excluded.last_error` : sql`${connectionHealth.lastError}`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
}

// One meter per database and connection in a process: every connector built for it adds to the same counts.
const KEY = Symbol.for("tandem.usage-meters");
type Holder = { [KEY]?: WeakMap<Database, Map<string, UsageMeter>> };

function metersOf(db: Database): Map<string, UsageMeter> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new WeakMap();
  let meters = holder[KEY].get(db);
  if (!meters) holder[KEY].set(db, (meters = new Map()));
  return meters;
}

export function usageMeter(db: Database, connectionId: string): RequestMeter {
  const meters = metersOf(db);
  let meter = meters.get(connectionId);
  if (!meter) meters.set(connectionId, (meter = new UsageMeter(db, connectionId)));
  return meter;
}

/** Writes what every meter of this database counted so far: at a job's end, and before a test reads the tables. */
export async function flushUsage(db: Database): Promise<void> {
  for (const meter of metersOf(db).values()) await meter.flush();
}
