import { sql, type SQL } from "drizzle-orm";
import type { Database, Transaction } from "@/db/drivers/types";
import { queryRows } from "@/db/query-rows";
import { sandboxChanges, sandboxRecords } from "@/db/schema";
import { systemSide, type SystemSide } from "@/db/schema/enums";
import type { NewRecord, StoredRecord } from "./sandbox-store";

export type EntityRecord = { entity: string; record: NewRecord };

const CHUNK = 1000;

/** Drizzle turns every value of a multi-row VALUES into a parameter, slowly; one JSON parameter carries them all. */
function input(system: SystemSide, chunk: EntityRecord[], now: Date): SQL {
  const rows = chunk.map(({ entity, record }, n) => ({
    n,
    entity,
    id: record.id,
    data: record.data,
    created_at: (record.createdAt ?? now).toISOString(),
    modified_at: (record.modifiedAt ?? now).toISOString(),
    modified_by: record.modifiedBy ?? null,
  }));
  return sql`select ${system}::${sql.identifier(systemSide.enumName)} as system, x.* from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
    as x(n int, entity text, id uuid, data jsonb, created_at timestamptz, modified_at timestamptz, modified_by uuid)`;
}

/**
 * One change row per record, then the records, in one statement; each record's version is the sequence of its
 * change (drawn in input order, as single writes would). `upsert` replaces an existing record like a single write.
 */
function writeChunk(system: SystemSide, chunk: EntityRecord[], now: Date, upsert: boolean): SQL {
  // Only what the inputs do not say: an upsert keeps an existing record's created_at.
  const tail = upsert
    ? sql`on conflict (system, entity, id) do update
        set data = excluded.data, version = excluded.version, modified_at = excluded.modified_at, modified_by = excluded.modified_by
        returning entity, id::text as id, version::text as version, to_json(created_at) #>> '{}' as created_at`
    : sql``;
  return sql`with input as (${input(system, chunk, now)}),
    changes as (
      insert into ${sandboxChanges} (system, entity, record_id, kind, at)
      select system, entity, id, 'upsert', modified_at from input order by n
      returning seq, entity, record_id
    )
    insert into ${sandboxRecords} (system, entity, id, data, version, created_at, modified_at, modified_by)
    select i.system, i.entity, i.id, i.data, c.seq, i.created_at, i.modified_at, i.modified_by
    from input i join changes c on c.entity = i.entity and c.record_id = i.id
    ${tail}`;
}

type Row = { entity: string; id: string; version: string; created_at: string };

async function run(
  tx: Transaction,
  system: SystemSide,
  entries: EntityRecord[],
  now: Date,
  upsert: boolean,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (let start = 0; start < entries.length; start += CHUNK)
    rows.push(...(await queryRows<Row>(tx, writeChunk(system, entries.slice(start, start + CHUNK), now, upsert))));
  return rows;
}

/** Seeding: plain inserts (a clash fails), chunked. */
export async function bulkInsert(db: Database, system: SystemSide, entries: EntityRecord[], now: Date): Promise<void> {
  for (let start = 0; start < entries.length; start += CHUNK) {
    await db.transaction(async (tx) => void (await run(tx, system, entries.slice(start, start + CHUNK), now, false)));
  }
}

/**
 * The bulk form of SandboxStore.write: creates or replaces distinct records (one record twice in a call is refused
 * by Postgres) in one transaction. Returns them in input order.
 */
export async function bulkWrite(
  db: Database,
  system: SystemSide,
  entries: EntityRecord[],
  now: Date,
): Promise<StoredRecord[]> {
  const rows = await db.transaction((tx) => run(tx, system, entries, now, true));
  const byKey = new Map(rows.map((row) => [`${row.entity}/${row.id}`, row]));
  return entries.map(({ entity, record }) => {
    const row = byKey.get(`${entity}/${record.id.toLowerCase()}`)!;
    return {
      id: row.id,
      data: record.data,
      version: Number(row.version),
      createdAt: new Date(row.created_at),
      modifiedAt: record.modifiedAt ?? now,
      modifiedBy: record.modifiedBy ?? null,
    };
  });
}
