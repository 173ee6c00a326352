import { and, asc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/drivers/types";
import { sandboxChanges, sandboxRecords } from "@/db/schema";
import type { SystemSide } from "@/db/schema/enums";
import { bulkInsert, bulkWrite, type EntityRecord } from "./bulk-write";

export type StoredRecord = {
  id: string;
  data: Record<string, unknown>;
  version: number;
  createdAt: Date;
  modifiedAt: Date;
  modifiedBy: string | null;
};

export type OrderTerm = { expr: SQL; direction: "asc" | "desc" };
export type RecordQuery = {
  entity: string;
  where?: SQL;
  orderBy?: OrderTerm[];
  limit: number;
  offset?: number;
  afterId?: string;
};
export type NewRecord = {
  id: string;
  data: Record<string, unknown>;
  modifiedBy?: string | null;
  createdAt?: Date;
  modifiedAt?: Date;
};

/** The records of one simulated system; every write and delete also appends to the change log. */
export class SandboxStore {
  constructor(
    readonly db: Database,
    readonly system: SystemSide,
  ) {}

  private scope(entity: string) {
    return and(eq(sandboxRecords.system, this.system), eq(sandboxRecords.entity, entity));
  }

  async get(entity: string, id: string): Promise<StoredRecord | null> {
    const [row] = await this.db
      .select()
      .from(sandboxRecords)
      .where(and(this.scope(entity), eq(sandboxRecords.id, id)))
      .limit(1);
    return row ? toStored(row) : null;
  }

  async getMany(entity: string, ids: string[]): Promise<StoredRecord[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select()
      .from(sandboxRecords)
      .where(and(this.scope(entity), inArray(sandboxRecords.id, ids)));
    return rows.map(toStored);
  }

  /** Ordered by the given terms, then id; `afterId` continues a scan ordered by id alone. */
  async query(request: RecordQuery): Promise<StoredRecord[]> {
    const conditions = [
      this.scope(request.entity),
      request.where,
      request.afterId ? gt(sandboxRecords.id, request.afterId) : undefined,
    ].filter(Boolean) as SQL[];
    const order = [
      ...(request.orderBy ?? []).map((term) =>
        term.direction === "desc" ? sql`${term.expr} desc nulls last` : sql`${term.expr} asc nulls first`,
      ),
      asc(sandboxRecords.id),
    ];
    const rows = await this.db
      .select()
      .from(sandboxRecords)
      .where(and(...conditions))
      .orderBy(...order)
      .limit(request.limit)
      .offset(request.offset ?? 0);
    return rows.map(toStored);
  }

  async count(entity: string, where?: SQL): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(sandboxRecords)
      .where(and(this.scope(entity), where));
    return row?.n ?? 0;
  }

  /** Creates or replaces a record; its version is the sequence of the change that wrote it. */
  async write(entity: string, record: NewRecord, now = new Date()): Promise<StoredRecord> {
    return this.db.transaction(async (tx) => {
      const [change] = await tx
        .insert(sandboxChanges)
        .values({ system: this.system, entity, recordId: record.id, kind: "upsert", at: now })
        .returning({ seq: sandboxChanges.seq });
      const values = {
        system: this.system,
        entity,
        id: record.id,
        data: record.data,
        version: change!.seq,
        createdAt: record.createdAt ?? now,
        modifiedAt: record.modifiedAt ?? now,
        modifiedBy: record.modifiedBy ?? null,
      };
      const [row] = await tx
        .insert(sandboxRecords)
        .values(values)
        .onConflictDoUpdate({
          target: [sandboxRecords.system, sandboxRecords.entity, sandboxRecords.id],
          set: {
            data: values.data,
            version: values.version,
            modifiedAt: values.modifiedAt,
            modifiedBy: values.modifiedBy,
          },
        })
        .returning();
      return toStored(row!);
    });
  }

  /** Replaces a record's values and nothing else: no version, modified-on or change-log entry (a direct DB edit). */
  async overwriteData(entity: string, id: string, data: Record<string, unknown>): Promise<void> {
    await this.db
      .update(sandboxRecords)
      .set({ data })
      .where(and(eq(sandboxRecords.system, this.system), eq(sandboxRecords.entity, entity), eq(sandboxRecords.id, id)));
  }

  async delete(entity: string, id: string, now = new Date()): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const deleted = await tx
        .delete(sandboxRecords)
        .where(and(this.scope(entity), eq(sandboxRecords.id, id)))
        .returning({ id: sandboxRecords.id });
      if (deleted.length)
        await tx.insert(sandboxChanges).values({ system: this.system, entity, recordId: id, kind: "delete", at: now });
      return deleted.length > 0;
    });
  }

  /** Bulk insert for seeding: plain inserts in chunks, one change row per record. */
  async insertMany(entity: string, records: NewRecord[], now = new Date()): Promise<void> {
    await bulkInsert(
      this.db,
      this.system,
      records.map((record) => ({ entity, record })),
      now,
    );
  }

  /** Many writes at once (see bulkWrite): records of one or more entities, returned in input order. */
  async writeMany(entries: EntityRecord[], now = new Date()): Promise<StoredRecord[]> {
    return entries.length ? bulkWrite(this.db, this.system, entries, now) : [];
  }

  /** Which of these ids the entity has: one query, ids only. */
  async existingIds(entity: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    // One JSON parameter, not one per id.
    const list = sql`(select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
    const rows = await this.db
      .select({ id: sandboxRecords.id })
      .from(sandboxRecords)
      .where(and(this.scope(entity), sql`${sandboxRecords.id} in ${list}`));
    return new Set(rows.map((row) => row.id));
  }

  /** The newest change sequence of an entity (0 when it has none): the start of a delta. */
  async lastSequence(entity: string): Promise<number> {
    const [row] = await this.db
      .select({ seq: sql<number>`coalesce(max(${sandboxChanges.seq}), 0)::bigint` })
      .from(sandboxChanges)
      .where(and(eq(sandboxChanges.system, this.system), eq(sandboxChanges.entity, entity)));
    return Number(row?.seq ?? 0);
  }

  /** What changed after `seq`: the current state of each record written since, and the ids deleted since. */
  async changesSince(
    entity: string,
    seq: number,
  ): Promise<{ upserted: StoredRecord[]; deleted: string[]; lastSequence: number }> {
    const changes = await this.db
      .select()
      .from(sandboxChanges)
      .where(
        and(eq(sandboxChanges.system, this.system), eq(sandboxChanges.entity, entity), gt(sandboxChanges.seq, seq)),
      )
      .orderBy(asc(sandboxChanges.seq));
    const last = new Map<string, "upsert" | "delete">();
    for (const change of changes) last.set(change.recordId, change.kind);
    const upsertIds = [...last].filter(([, kind]) => kind === "upsert").map(([id]) => id);
    const existing = new Map((await this.getMany(entity, upsertIds)).map((r) => [r.id, r]));
    return {
      upserted: upsertIds.flatMap((id) => (existing.has(id) ? [existing.get(id)!] : [])),
      // Deletes come after creates and updates, as in Dataverse.
      deleted: [...last].filter(([, kind]) => kind === "delete").map(([id]) => id),
      lastSequence: changes.at(-1)?.seq ?? seq,
    };
  }

  /** Removes every record and change of this system (reset). */
  async clear(): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.delete(sandboxRecords).where(eq(sandboxRecords.system, this.system));
      await tx.delete(sandboxChanges).where(eq(sandboxChanges.system, this.system));
    });
  }
}

function toStored(row: typeof sandboxRecords.$inferSelect): StoredRecord {
  return {
    id: row.id,
    data: row.data,
    version: row.version,
    createdAt: row.createdAt,
    modifiedAt: row.modifiedAt,
    modifiedBy: row.modifiedBy,
  };
}
