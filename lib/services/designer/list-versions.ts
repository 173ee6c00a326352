import { desc, eq } from "drizzle-orm";
import { mappingVersions, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { diffConfigs, type ConfigDiff } from "@/lib/mapping/diff/config-diff";
import { RuntimeConfigSchema } from "@/lib/mapping/model/runtime-config";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { VersionInput } from "./designer-schemas";
import { findPublished } from "./draft-store";

export type VersionSummary = {
  number: number;
  hash: string;
  publishedAt: string | null;
  author: string | null;
  mappings: number;
};

/** Published versions, newest first. */
export async function listVersions(args: { ctx: ServiceContext }): Promise<VersionSummary[]> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const rows = await ctx.db
    .select({
      number: mappingVersions.number,
      hash: mappingVersions.contentHash,
      publishedAt: mappingVersions.publishedAt,
      author: users.email,
      config: mappingVersions.runtimeConfig,
    })
    .from(mappingVersions)
    .leftJoin(users, eq(users.id, mappingVersions.authorId))
    .where(eq(mappingVersions.status, "published"))
    .orderBy(desc(mappingVersions.number))
    .limit(200);
  return rows.map((row) => {
    const parsed = RuntimeConfigSchema.safeParse(row.config);
    return {
      number: row.number,
      hash: row.hash,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      author: row.author ?? null,
      mappings: parsed.success ? parsed.data.mappings.length : 0,
    };
  });
}

/** What version N changed against the version before it. */
export async function getVersionDiff(args: { ctx: ServiceContext; input: unknown }): Promise<ConfigDiff> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const { number } = parseInput(VersionInput, args.input);
  const [version, previous] = await Promise.all([
    findPublished(ctx.db, number),
    number > 1 ? findPublished(ctx.db, number - 1) : undefined,
  ]);
  if (!version) throw new AppError("NOT_FOUND", `There is no published version ${number}.`);
  const read = (config: unknown) => {
    const parsed = RuntimeConfigSchema.safeParse(config);
    return parsed.success ? parsed.data : null;
  };
  const after = read(version.runtimeConfig);
  if (!after)
    throw new AppError("CONFIGURATION", `Version ${number} holds a config this version of Tandem cannot read.`);
  return diffConfigs(previous ? read(previous.runtimeConfig) : null, after);
}
