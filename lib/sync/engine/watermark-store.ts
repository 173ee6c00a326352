import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { syncWatermarks } from "@/db/schema";
import type { Flow } from "@/lib/mapping/model/direction";

export async function readWatermark(
  db: DbOrTx,
  pairId: string,
  mappingName: string,
  flow: Flow,
): Promise<string | null> {
  const [row] = await db
    .select()
    .from(syncWatermarks)
    .where(
      and(
        eq(syncWatermarks.pairId, pairId),
        eq(syncWatermarks.mappingName, mappingName),
        eq(syncWatermarks.direction, flow),
      ),
    );
  return row?.watermark ? row.watermark.toISOString() : null;
}

/** Stored only after a pass went through all its candidates, so a pass that dies is read again from the old one. */
export async function writeWatermark(
  db: DbOrTx,
  pairId: string,
  mappingName: string,
  flow: Flow,
  watermark: string | null,
): Promise<void> {
  const value = watermark ? new Date(watermark) : null;
  await db
    .insert(syncWatermarks)
    .values({ pairId, mappingName, direction: flow, watermark: value })
    .onConflictDoUpdate({
      target: [syncWatermarks.pairId, syncWatermarks.mappingName, syncWatermarks.direction],
      set: { watermark: value, updatedAt: new Date() },
    });
}

/** BC's SynchronizeNow(resetWatermarks): the next run reads everything again. */
export async function clearWatermarks(db: DbOrTx, pairId: string, mappingName: string): Promise<void> {
  await db
    .delete(syncWatermarks)
    .where(and(eq(syncWatermarks.pairId, pairId), eq(syncWatermarks.mappingName, mappingName)));
}
