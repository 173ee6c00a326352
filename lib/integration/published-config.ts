import { desc, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { mappingVersions } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { compileGraph } from "@/lib/mapping/compile/compile";
import { RuntimeConfigSchema, type RuntimeConfig } from "@/lib/mapping/model/runtime-config";
import { bcSalesTemplateGraph, TEMPLATE_CATALOGS } from "@/lib/mapping/template/bc-sales";

export type PublishedConfig = { config: RuntimeConfig; versionNumber: number };

/** The runtime config of the newest published version: what every run executes. */
export async function loadPublishedConfig(db: Database): Promise<PublishedConfig> {
  const [row] = await db
    .select()
    .from(mappingVersions)
    .where(eq(mappingVersions.status, "published"))
    .orderBy(desc(mappingVersions.number))
    .limit(1);
  if (!row?.runtimeConfig)
    throw new AppError("CONFIGURATION", "No mapping version is published yet; publish one in the designer first.");
  const parsed = RuntimeConfigSchema.safeParse(row.runtimeConfig);
  if (!parsed.success)
    throw new AppError(
      "CONFIGURATION",
      `Published version ${row.number} holds a runtime config this version of Tandem cannot read.`,
    );
  return { config: parsed.data, versionNumber: row.number };
}

/**
 * First start: with no mapping version at all, the standard Business Central ↔ Dynamics 365 Sales template is
 * published as version 1, so the engine has something to run against the demo systems right away.
 */
export async function ensureTemplatePublished(db: Database): Promise<boolean> {
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(mappingVersions);
  if (n > 0) return false;
  const graph = bcSalesTemplateGraph();
  const compiled = compileGraph(graph, { catalogs: TEMPLATE_CATALOGS });
  if (!compiled.config) throw new Error("The built-in template does not compile; this is a bug.");
  const now = new Date();
  await db.insert(mappingVersions).values({
    number: 1,
    status: "published",
    graph,
    runtimeConfig: compiled.config,
    contentHash: compiled.config.version,
    createdAt: now,
    publishedAt: now,
  });
  return true;
}
