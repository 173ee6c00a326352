import { and, desc, eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/drivers/types";
import { mappingVersions, type MappingVersion } from "@/db/schema";
import { contentHash } from "@/lib/mapping/compile/canonical-json";
import { GRAPH_SCHEMA_VERSION, type MappingGraph } from "@/lib/mapping/graph/graph";

type Db = Database | Transaction;

/** The one shared draft lives beside the versions as row number 0 with status "draft". */
export const DRAFT_NUMBER = 0;

export const EMPTY_GRAPH: MappingGraph = { schemaVersion: GRAPH_SCHEMA_VERSION, nodes: [], edges: [] };

/** What two editors compare to know they hold the same draft: the hash of its canonical JSON, stored with it. */
export const draftHash = (graph: unknown): string => contentHash(graph);

export async function findDraft(db: Db, options: { lock?: boolean } = {}): Promise<MappingVersion | undefined> {
  const query = db.select().from(mappingVersions).where(eq(mappingVersions.status, "draft")).limit(1);
  const [row] = options.lock ? await query.for("update") : await query;
  return row;
}

export async function latestPublished(db: Db): Promise<MappingVersion | undefined> {
  const [row] = await db
    .select()
    .from(mappingVersions)
    .where(eq(mappingVersions.status, "published"))
    .orderBy(desc(mappingVersions.number))
    .limit(1);
  return row;
}

export async function findPublished(db: Db, number: number): Promise<MappingVersion | undefined> {
  const [row] = await db
    .select()
    .from(mappingVersions)
    .where(and(eq(mappingVersions.status, "published"), eq(mappingVersions.number, number)))
    .limit(1);
  return row;
}

export async function nextVersionNumber(db: Db): Promise<number> {
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`coalesce(max(${mappingVersions.number}), 0)::int` })
    .from(mappingVersions)
    .where(eq(mappingVersions.status, "published"));
  return n + 1;
}

/** Creates or replaces the draft row; the caller holds the lock and has checked the base hash. */
export async function writeDraft(
  db: Db,
  existing: MappingVersion | undefined,
  graph: unknown,
  authorId: string | null,
  hash = draftHash(graph),
): Promise<{ hash: string; savedAt: Date }> {
  const savedAt = new Date();
  if (existing)
    await db
      .update(mappingVersions)
      .set({ graph, contentHash: hash, authorId, createdAt: savedAt })
      .where(eq(mappingVersions.id, existing.id));
  else
    await db
      .insert(mappingVersions)
      .values({ number: DRAFT_NUMBER, status: "draft", graph, contentHash: hash, authorId, createdAt: savedAt });
  return { hash, savedAt };
}
